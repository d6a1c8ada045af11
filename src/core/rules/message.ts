// Messages as data: a template per language with named placeholders, filled from the parameters a
// check passes. `{x}` is the parameter as it is, `{x:n}` a number in compact form with up to two
// decimals, `{x:n0}`…`{x:n9}` with up to that many, written in the style of the message's language:
// "1.235,6" in Vietnamese, "1,235.6" in English. A parameter may also be a list of numbers (each
// formatted, joined by its separator) or a phrase: another message, rendered in the same language,
// for the words a check chooses between ("tăng"/"giảm", "thực hiện"/"kế hoạch").
//
// The parameter names of each template are read at compile time too (ParamsOf), so that a check
// that leaves one out does not compile; a parameter missing at run time shows as "{x?}".

import { formatCompact } from "../model/numbers";
import type { MessageBundle, MessageTemplate } from "./record";

export type Lang = "vi" | "en";

/** Numbers shown as a list: "20 + 40 + 40,3", "1; 2; 3; …" (at most `max`, then an ellipsis). */
export interface NumberList {
  readonly items: readonly number[];
  readonly separator: string;
  readonly max?: number;
}

/** A message of a bundle used as the parameter of another, rendered in the same language. */
export interface Phrase {
  readonly bundle: MessageBundle;
  readonly key: string;
  readonly params: MessageParams;
}

export type MessageParam = string | number | NumberList | Phrase;
export type MessageParams = Readonly<Record<string, MessageParam>>;

/** The vi and en texts of a message, as a finding carries them. */
export interface RenderedMessage {
  message: string;
  messageEn: string;
}

// ---------------------------------------------------------------------------------------------
// The parameters of a template, at compile time
// ---------------------------------------------------------------------------------------------

/** The bodies of the placeholders of a template: "name", "stated:n", "expected:n1". */
type Holes<S extends string> = S extends `${string}{${infer Body}}${infer Rest}` ? Body | Holes<Rest> : never;
type NumberNames<B> = B extends `${infer N}:${string}` ? N : never;
type TextNames<B> = B extends `${string}:${string}` ? never : B;
type AllHoles<T extends MessageTemplate> = Holes<T["vi"]> | Holes<T["en"]>;

/**
 * The parameters a message needs: a number (or a list of numbers) for each `{x:n…}`, anything for
 * each `{x}`; a template typed only as `string` takes any parameters.
 */
export type ParamsOf<T> = T extends MessageTemplate
  ? string extends T["vi"] | T["en"]
    ? MessageParams
    : [AllHoles<T>] extends [never]
      ? Readonly<Record<string, never>>
      : { readonly [K in NumberNames<AllHoles<T>>]: number | NumberList | string } & {
          readonly [K in Exclude<TextNames<AllHoles<T>>, NumberNames<AllHoles<T>>>]: MessageParam;
        }
  : MessageParams;

/** The message keys of a bundle. */
export type MessageKey<B extends MessageBundle> = keyof B["messages"] & string;

// ---------------------------------------------------------------------------------------------
// Parsing and formatting
// ---------------------------------------------------------------------------------------------

export interface Placeholder {
  name: string;
  /** Up to this many decimals for `{x:n…}`; null for `{x}`. */
  decimals: number | null;
  start: number;
  end: number;
}

export interface ParsedTemplate {
  placeholders: Placeholder[];
  /** Malformed placeholders, unclosed or stray braces. */
  problems: string[];
}

const BODY = /^([A-Za-z_][A-Za-z0-9_]*)(?::n([0-9])?)?$/;

/** The placeholders of a template and what is wrong with it, if anything. */
export function parseTemplate(template: string): ParsedTemplate {
  const placeholders: Placeholder[] = [];
  const problems: string[] = [];
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "}") {
      problems.push(`"}" without "{" at ${i}`);
      continue;
    }
    if (c !== "{") continue;
    const close = template.indexOf("}", i + 1);
    const reopen = template.indexOf("{", i + 1);
    if (close < 0 || (reopen >= 0 && reopen < close)) {
      problems.push(`"{" not closed at ${i}`);
      continue;
    }
    const body = template.slice(i + 1, close);
    const m = BODY.exec(body);
    if (!m) problems.push(`malformed placeholder "{${body}}"`);
    else
      placeholders.push({
        name: m[1],
        decimals: body.includes(":") ? (m[2] === undefined ? 2 : Number(m[2])) : null,
        start: i,
        end: close + 1,
      });
    i = close;
  }
  return { placeholders, problems };
}

/** The parameter names of a template, each once, in order. */
export function templateParameters(template: string): string[] {
  return [...new Set(parseTemplate(template).placeholders.map((p) => p.name))];
}

const parsed = new Map<string, ParsedTemplate>();

function parsedOf(template: string): ParsedTemplate {
  let p = parsed.get(template);
  if (!p) {
    if (parsed.size > 5000) parsed.clear();
    parsed.set(template, (p = parseTemplate(template)));
  }
  return p;
}

export interface FormatOptions {
  /** Throw on a missing parameter instead of showing it as "{x?}" (for tests). */
  strict?: boolean;
}

function formatNumberIn(value: number, decimals: number | null, lang: Lang): string {
  return decimals === null ? String(value) : formatCompact(value, decimals, lang);
}

function renderParam(value: MessageParam, decimals: number | null, lang: Lang, options: FormatOptions): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumberIn(value, decimals, lang);
  if ("items" in value) {
    const shown = value.max === undefined ? value.items : value.items.slice(0, value.max);
    const more = value.max !== undefined && value.items.length > value.max;
    return shown.map((v) => formatNumberIn(v, decimals, lang)).join(value.separator) + (more ? `${value.separator}…` : "");
  }
  const template = value.bundle.messages[value.key];
  if (!template) {
    if (options.strict) throw new Error(`no message "${value.key}"`);
    return `{${value.key}??}`;
  }
  return formatMessage(template[lang], value.params, lang, options);
}

/** Fills a template in one language. A missing parameter shows as "{x?}" (or throws, when strict). */
export function formatMessage(template: string, params: MessageParams, lang: Lang, options: FormatOptions = {}): string {
  const { placeholders } = parsedOf(template);
  if (placeholders.length === 0) return template;
  let out = "";
  let at = 0;
  for (const p of placeholders) {
    out += template.slice(at, p.start);
    const value = Object.prototype.hasOwnProperty.call(params, p.name) ? params[p.name] : undefined;
    if (value === undefined || value === null) {
      if (options.strict) throw new Error(`message parameter "${p.name}" missing: ${template.slice(0, 60)}`);
      out += `{${p.name}?}`;
    } else out += renderParam(value, p.decimals, lang, options);
    at = p.end;
  }
  return out + template.slice(at);
}

/** A message of a bundle in both languages. */
export function renderMessage<B extends MessageBundle, K extends MessageKey<B>>(
  bundle: B,
  key: K,
  params: ParamsOf<B["messages"][K]>,
  options: FormatOptions = {},
): RenderedMessage {
  const template = bundle.messages[key];
  const p = params as MessageParams;
  return { message: formatMessage(template.vi, p, "vi", options), messageEn: formatMessage(template.en, p, "en", options) };
}

/** A message of a bundle as the parameter of another. */
export function phrase<B extends MessageBundle, K extends MessageKey<B>>(bundle: B, key: K, params: ParamsOf<B["messages"][K]>): Phrase {
  return { bundle, key, params: params as MessageParams };
}

/** Numbers as a list parameter: joined by `separator`, at most `max` of them, then an ellipsis. */
export function numberList(items: readonly number[], separator: string, max?: number): NumberList {
  return max === undefined ? { items, separator } : { items, separator, max };
}
