import { IResolvable, Token, Tokenization } from 'cdktf';

// Internal: how every string from a prop or a config file reaches the Terraform JSON as that string.
//
// cdktf writes strings into the JSON as they are, and Terraform reads `${…}` and `%{…}` in any
// string as an expression or a template directive: a display name `Flex ${file("/etc/passwd")}`
// would become the runner's file. A string that came from the user is literal text, so its
// literal parts are escaped (`$${`, `%%{`: developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences)
// while the cdktf tokens inside it stay references. Applied once, where user values enter a
// construct (the shared base does it for the props and every add* argument), never per field.

/**
 * `value` with every literal string in it escaped for Terraform: strings, and recursively arrays and
 * plain objects; tokens (a whole-string token, a token inside a string, a list or number token) are
 * kept as they are. Other values pass through.
 */
export function literal<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return literalString(value);
  if (Array.isArray(value)) return Token.isUnresolved(value) ? value : value.map(escapeDeep);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeDeep(v);
    return out;
  }
  return value;
}

/** One string: its literal parts escaped, its tokens kept. */
export function literalString(value: string): string {
  if (!Token.isUnresolved(value)) return escapeText(value);
  // cdktf 0.21.0 (pinned exactly; its last release) splits a string into literal and token
  // fragments; only the literal ones are the user's text.
  const fragments = (Tokenization.reverseString(value) as unknown as { fragments: Fragment[] }).fragments;
  return fragments.map(fragmentText).join('');
}

type Fragment = { type: 'literal'; lit: string } | { type: 'token'; token: IResolvable } | { type: 'intrinsic'; value: unknown } | { type: 'escape'; kind: string };

function fragmentText(f: Fragment): string {
  switch (f.type) {
    case 'literal':
      return escapeText(f.lit);
    case 'token':
      return Token.asString(f.token);
    case 'intrinsic':
      return typeof f.value === 'string' ? escapeText(f.value) : Token.asString(f.value);
    default:
      return ''; // reverseString makes no escape fragments; they only mark `${` inside a fragment
  }
}

function escapeText(text: string): string {
  // A replacer function, not a string: in a replacement string `$$` would collapse to `$`.
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Token.isUnresolved(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
