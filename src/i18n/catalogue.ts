/**
 * The shape every language's catalogue must have: English's, with each message a string.
 * A key missing from es or de is a type error, so a language is complete or does not build.
 */
import type { en } from './en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export type Catalogue = Strings<typeof en>;

/** One namespace of the catalogue (a panel's, the lesson's, the errors'). */
export type Messages<K extends keyof Catalogue> = Catalogue[K];
