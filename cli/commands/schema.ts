import { Command } from 'commander';
import { CommandContext, EXIT_CODES_HELP } from '../context';
import { EXIT } from '../errors';
import type * as SchemaDocsModule from '../../stacks/config/schema-docs';

/* eslint-disable @typescript-eslint/no-require-imports */
const schemaDocs = (): typeof SchemaDocsModule => require('../../stacks/config/schema-docs');

/** `twilio-sso schema`: prints the config's JSON Schema, the file the package ships. */
export function schemaCommand({ io, result }: CommandContext): Command {
  return new Command('schema')
    .description("print the config's JSON Schema (descriptions and examples on every key, for editors)")
    .addHelpText(
      'after',
      `
The same file ships in the package: node_modules/cdktf-twilio-sso/schema/twilio-sso.schema.json. Point
yaml-language-server at it with a first line in the config:
  # yaml-language-server: $schema=node_modules/cdktf-twilio-sso/schema/twilio-sso.schema.json
${EXIT_CODES_HELP}`,
    )
    .action(() => {
      io.stdout.write(schemaDocs().publishedConfigSchemaText());
      result.code = EXIT.OK;
    });
}
