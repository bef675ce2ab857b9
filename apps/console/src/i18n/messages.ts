// Every message of the console, English and Khmer side by side, one module
// per part of the console. Each part's messages are `defineMessages` objects
// whose Khmer twin must name the same ids (checked by the type below).
import { adaptersMessages } from '../pages/adapters/messages';
import { audit } from '../pages/audit/messages';
import { common } from './common.messages';
import { schemasMessages } from '../pages/schemas/messages';
import { desk } from '../pages/desk/messages';
import { myRecord } from '../pages/my-record/messages';
import { questions } from '../pages/questions/messages';

export type Catalog = Record<string, { en: string; km: string }>;

/** Each part of the console adds its catalog here. */
const CATALOGS: Catalog[] = [
  common,
  adaptersMessages,
  schemasMessages,
  audit,
  desk,
  myRecord,
  questions,
];

export function messagesFor(locale: 'en' | 'km'): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const catalog of CATALOGS)
    for (const [id, text] of Object.entries(catalog)) messages[id] = text[locale];
  return messages;
}
