import type { Handover, Person, Stance } from '../../data/model/records';
import type { IsoDate } from '../../shared/dates/local-date';
import { handoverId, personKey } from '../../data/model/handover';

/**
 * The account's key people live on its handover record (keyPeople): sales
 * names them at signing, the CSM keeps them up afterwards. Two devices that
 * edit different people both keep their edits (data/sync/list-merge.ts).
 */
export { personKey };

/** The handover that holds the account's people: the latest live one. */
export function peopleRecord(handovers: readonly Handover[]): Handover | undefined {
  return [...handovers].filter((h) => !h.deleted).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

export const peopleOf = (handovers: readonly Handover[]): Person[] => peopleRecord(handovers)?.keyPeople ?? [];

export type PeopleEdit =
  | { kind: 'add'; person: Person }
  | { kind: 'stance'; key: string; stance: Stance | undefined }
  | { kind: 'left'; key: string; on: IsoDate }
  | { kind: 'back'; key: string }
  | { kind: 'remove'; key: string };

export type PeopleEditProblem = 'name_missing' | 'duplicate' | 'not_found' | 'too_many';

const MAX_PEOPLE = 50; // HandoverSchema's limit

/**
 * The handover record after one edit of its people, stamped `at`; an account
 * without a handover gets a draft one holding only the people. Refused edits
 * say why and change nothing.
 */
export function editPeople(
  accountId: string,
  current: Handover | undefined,
  edit: PeopleEdit,
  at: string,
): { ok: true; record: Handover } | { ok: false; problem: PeopleEditProblem } {
  const edited = editedPeople(current?.keyPeople ?? [], edit);
  if (!edited.ok) return edited;
  const base: Handover = current ?? { id: handoverId(accountId), accountId, createdAt: at, updatedAt: at, status: 'draft' };
  return { ok: true, record: { ...base, keyPeople: edited.people, updatedAt: at } };
}

/** The list of key people after one edit; refused edits say why. */
export function editedPeople(people: readonly Person[], edit: PeopleEdit): { ok: true; people: Person[] } | { ok: false; problem: PeopleEditProblem } {
  let next: Person[];
  if (edit.kind === 'add') {
    const name = edit.person.name.trim();
    if (!name) return { ok: false, problem: 'name_missing' };
    const { contact: typed, ...rest } = edit.person;
    const contact = typed?.trim();
    const person: Person = { ...rest, name, ...(contact ? { contact } : {}) };
    if (people.some((p) => personKey(p) === personKey(person) || p.name.trim().toLowerCase() === name.toLowerCase())) return { ok: false, problem: 'duplicate' };
    if (people.length >= MAX_PEOPLE) return { ok: false, problem: 'too_many' };
    next = [...people, person];
  } else {
    const i = people.findIndex((p) => personKey(p) === edit.key);
    if (i < 0) return { ok: false, problem: 'not_found' };
    const p = people[i]!;
    const changed: Person | undefined =
      edit.kind === 'stance' ? withOptional(p, 'stance', edit.stance)
      : edit.kind === 'left' ? { ...p, leftAt: edit.on }
      : edit.kind === 'back' ? withOptional(p, 'leftAt', undefined)
      : undefined;
    next = changed ? people.map((q, j) => (j === i ? changed : q)) : people.filter((_, j) => j !== i);
  }
  return { ok: true, people: next };
}

function withOptional<K extends 'stance' | 'leftAt'>(p: Person, key: K, value: Person[K] | undefined): Person {
  const copy = { ...p };
  if (value === undefined) delete copy[key];
  else copy[key] = value;
  return copy;
}
