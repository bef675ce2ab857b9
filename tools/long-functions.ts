// Lists the functions longer than a limit (default 60 lines) in apps/, libs/
// and tools/ (or the folders given), the console's .tsx components among them,
// longest first, specs left out, and so are the database migrations (applied
// history, never edited) and generated code:
//   npm run lint:functions -- [--over 60] [folder ...]
// Exits 1 while any is found: `npm run check` runs it with --over 80.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

interface LongFunction {
  file: string;
  line: number;
  name: string;
  lines: number;
}

/** Folders not read: installed packages, migrations (history) and generated code. */
const LEFT_OUT = new Set(['node_modules', 'migrations', 'generated', 'gql']);

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.(e2e-)?spec\.tsx?$|\.d\.ts$/.test(file))
    .filter((file) => !file.split(path.sep).some((part) => LEFT_OUT.has(part)))
    .map((file) => path.join(folder, file));
}

function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) {
    return parent.name.getText();
  }
  if (ts.isCallExpression(parent)) return `(callback of ${parent.expression.getText()})`;
  return '(anonymous)';
}

function longFunctions(file: string, over: number): LongFunction[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: LongFunction[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      if (lines > over) {
        found.push({
          file,
          line: start + 1,
          name: nameOf(node as ts.FunctionLikeDeclaration),
          lines,
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const args = process.argv.slice(2);
const overAt = args.indexOf('--over');
const over = overAt >= 0 ? Number(args.splice(overAt, 2)[1]) : 60;
if (!Number.isInteger(over) || over < 1) throw new Error('--over takes a whole number of lines');
const folders = args.length > 0 ? args : ['apps', 'libs', 'tools'];
const found = folders
  .flatMap(sourceFiles)
  .flatMap((file) => longFunctions(file, over))
  .sort((a, b) => b.lines - a.lines);
for (const { file, line, name, lines } of found) console.log(`${lines}\t${file}:${line}\t${name}`);
console.log(`${found.length} function(s) over ${over} lines`);
process.exitCode = found.length > 0 ? 1 : 0;
