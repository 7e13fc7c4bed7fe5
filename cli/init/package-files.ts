import { existsSync, readFileSync } from 'fs';
import { dirname, join } from 'path';

/**
 * The folder of the installed cdktf-twilio-sso package (or this repository): the nearest folder above
 * this file whose package.json is the package's. The same from the bundle (dist/app), the compiled
 * files (dist/cli/…) and the sources (cli/…, under jest). dist/package.json (the compiler's copy,
 * which the version comes from) has the same name but no schema/ beside it.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'schema')) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'cdktf-twilio-sso') return dir;
    if (dirname(dir) === dir) throw new Error(`no cdktf-twilio-sso package.json above ${from}`);
  }
}

/** The config's JSON Schema as the package ships it. */
export const schemaFile = (): string => join(packageRoot(), 'schema', 'twilio-sso.schema.json');

/** The pipeline files the package ships (templates/ci), and where `init --ci` writes each in a project. */
export const CI_TEMPLATES = {
  github: { template: 'github-actions.yml', writeTo: join('.github', 'workflows', 'twilio-sso.yml') },
  gitlab: { template: 'gitlab-ci.yml', writeTo: '.gitlab-ci.yml' },
} as const;

/** A CI system `init --ci` knows. */
export type CiSystem = keyof typeof CI_TEMPLATES;

/** The text of a shipped pipeline file. */
export const ciTemplateText = (ci: CiSystem): string => readFileSync(join(packageRoot(), 'templates', 'ci', CI_TEMPLATES[ci].template), 'utf8');
