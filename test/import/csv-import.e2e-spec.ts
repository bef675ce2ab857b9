// A ministry's CSV export with some bad rows: the good rows are published and
// reach the gateway, every bad row lands in the reject file with its row
// number and reason, and importing the same file again publishes nothing new.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { VerhoeffNationalIdScheme } from '#spean/contracts';
import { importCsv } from '../../tools/csv-import.js';
import { ADAPTERS } from '../../tools/adapters.js';
import { startStack, type SpeanStack } from '../support/spean-stack.js';

const ids = new VerhoeffNationalIdScheme();
const newNationalId = (): string => ids.fromSerial(randomInt(0, ids.capacity));

describe('CSV import through the transport adapter', () => {
  let stack: SpeanStack;
  let dir: string;

  beforeAll(async () => {
    stack = await startStack('embedded', 'csv_import');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spean-import-'));
  });
  afterAll(async () => {
    await stack?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports the good rows and writes every bad one, with its reason, to the reject file', async () => {
    const owner = newNationalId();
    const other = newNationalId();
    const typo = owner.slice(0, 9) + String((Number(owner[9]) + 1) % 10);
    const plate = (n: number) => `2C${String.fromCharCode(65 + n)}-${randomInt(1000, 9999)}`;
    const plates = [0, 1, 2, 3, 4, 5].map(plate);
    const header =
      'plate_number,vin,make,model,year,category,colour,owner_national_id,owner_name,registration_date,inspection_due_date,status';
    const rows = [
      `${plates[0]},JTDKB20U093456789,Toyota,Prius,2009,car,silver,${owner},Sok Chantha,2019-03-02,2027-03-02,active`,
      `${plates[1]},JH2KF0310NK123456,Honda,Dream,2022,motorcycle,red,${owner},,02/01/2023,,active`,
      `${plates[2]},JTDKB20U093456780,Toyota,Camry,nineteen,car,,${other},,2019-03-02,,active`, // year not a number
      `${plates[3]},JTDKB20U093456781,Toyota,Camry,2015,truck,,${other},,2019-03-02,,active`, // unknown category
      `${plates[4]},JTDKB20U093456782,Lexus,RX,2018,car,,${typo},,2019-03-02,,active`, // mistyped national id
      `${plates[5]},JTDKB20U093456783,"Ford, Ranger",Ranger,2020,car,,${other},,31/02/2020,,active`, // no 31 February
    ];
    const file = path.join(dir, 'vehicles.csv');
    fs.writeFileSync(file, `${header}\n${rows.join('\n')}\n`);
    const token = await stack.token(stack.adapters.transport.credentials);
    const options = {
      file,
      adapterUrl: stack.adapters.transport.url,
      token,
      mapping: ADAPTERS.transport.csv!,
      rejectsFile: path.join(dir, 'vehicles.rejects.csv'),
      chunkRows: 4,
      progress: Object.assign(new (await import('node:stream')).PassThrough(), { isTTY: false }),
    };

    const summary = await importCsv(options);
    expect(summary).toMatchObject({ rows: 6, imported: 2, unchanged: 0, rejected: 4 });

    const rejects = parse(fs.readFileSync(options.rejectsFile, 'utf8'), { columns: true }) as Array<
      Record<string, string>
    >;
    expect(rejects.map((r) => [r.row, r.plate_number])).toEqual([
      ['4', plates[2]],
      ['5', plates[3]],
      ['6', plates[4]],
      ['7', plates[5]],
    ]);
    expect(rejects[0]!.reason).toMatch(/year.*whole number/);
    expect(rejects[1]!.reason).toMatch(/category.*car, motorcycle/);
    expect(rejects[2]!.reason).toMatch(/subjectId/);
    expect(rejects[3]!.reason).toMatch(/registration_date.*calendar date/);
    // The reject file keeps the original cells, so it can be fixed and imported again.
    expect(rejects[3]!.make).toBe('Ford, Ranger');

    const agency = await stack.token(stack.agency);
    const query = `query($id: ID!) { citizen(nationalId: $id, purpose: "vehicle-registration") { vehicles { plateNumber category } } }`;
    const started = Date.now();
    let vehicles: Array<{ plateNumber: string }> = [];
    while (vehicles.length < 2 && Date.now() - started < 10_000) {
      const response = await stack.graphql<{ citizen: { vehicles: typeof vehicles } | null }>(
        agency,
        query,
        { id: owner },
      );
      vehicles = response.data?.citizen?.vehicles ?? [];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(vehicles.map((v) => v.plateNumber).sort()).toEqual([plates[0], plates[1]].sort());

    // The same export again changes nothing.
    const again = await importCsv(options);
    expect(again).toMatchObject({ imported: 0, unchanged: 2, rejected: 4 });
  });

  it('refuses a file that lacks a required column, naming it', async () => {
    const file = path.join(dir, 'broken.csv');
    fs.writeFileSync(file, 'plate_number,make\n2AB-1234,Toyota\n');
    const token = await stack.token(stack.adapters.transport.credentials);
    await expect(
      importCsv({
        file,
        adapterUrl: stack.adapters.transport.url,
        token,
        mapping: ADAPTERS.transport.csv!,
        rejectsFile: path.join(dir, 'broken.rejects.csv'),
      }),
    ).rejects.toThrow(/vin, model, year, category, owner_national_id, registration_date, status/);
  });
});
