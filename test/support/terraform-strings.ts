import * as fc from 'fast-check';

// Issue 19.1: how a test tells whether a string in the synthesized JSON is literal text for Terraform.
// Terraform reads `${…}` and `%{…}` in any string as an interpolation or directive, and `$${`/`%%{`
// as the literal text (developer.hashicorp.com/terraform/language/expressions/strings#escape-sequences).

/** The marker every hostile text ends with, to find where it landed. */
export const MARK = 'ZZ';

/** How Terraform reads a quoted template's literal text (`$${` → `${`, `%%{` → `%{`); undefined where it would evaluate. */
export function asTerraformReadsIt(text: string): string | undefined {
  let out = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if ((c === '$' || c === '%') && text[i + 1] === c && text[i + 2] === '{') {
      out += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && text[i + 1] === '{') {
      return undefined;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}

/** Every string in a JSON value. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Text made of Terraform's expression and directive openers, their escapes, braces, quotes and {@link MARK}. */
export const hostileText = fc
  .array(fc.constantFrom('${', '%{', '$${', '%%{', '$', '%', '{', '}', '"', '\\', ' ', 'a', 'file("/etc/passwd")', 'if true', '~', '\n'), { minLength: 1, maxLength: 8 })
  .map((parts) => `${parts.join('')}${MARK}`)
  .filter((s) => /[$%]\{/.test(s));
