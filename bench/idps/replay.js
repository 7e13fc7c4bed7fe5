'use strict';
// A generic raw baseline for identity providers whose resources are too many to hand-write here:
// the parent (bench/run.js) synthesizes ONE app through the construct (`template`), and the raw child
// declares N copies of exactly those resources and data sources with the provider classes the
// construct itself uses (found by their static `tfResourceType`), with literal arguments, the same
// construct paths and rewritten references. Files the construct writes next to cdk.tf.json (the
// Salesforce DX project) are replayed too: the same bytes written with plain fs at synth, the
// cheapest direct way, so the baseline pays for the file output but not for producing it.
const { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } = require('fs');
const { dirname, join, relative, sep } = require('path');

function listFiles(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? listFiles(p) : [p];
  });
}

const APP0 = /(^|\/)App0(\/|$)/;
const SKIP = new Set(['//', 'depends_on', 'provider', 'count', 'for_each']);
const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
// Terraform JSON (snake_case) back to the provider classes' config (camelCase), blocks included.
const toConfig = (v) =>
  Array.isArray(v) ? v.map(toConfig) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), toConfig(x)])) : v;

/** Run in a child: synthesize one app with `declareLib`, record it and the classes it used. */
exports.template = (declareLib, outdir, file) => {
  const { App, TerraformDataSource, TerraformStack } = require('cdktf');
  const app = new App({ outdir });
  const stack = new TerraformStack(app, 'bench');
  declareLib(stack, 1);
  app.synth();
  const json = JSON.parse(readFileSync(join(outdir, 'stacks', 'bench', 'cdk.tf.json'), 'utf8'));
  const classes = {};
  for (const [path, mod] of Object.entries(require.cache)) {
    for (const [name, value] of Object.entries(mod.exports ?? {})) {
      if (typeof value !== 'function' || typeof value.tfResourceType !== 'string') continue;
      const kind = value.prototype instanceof TerraformDataSource ? 'data' : 'resource';
      classes[`${kind}.${value.tfResourceType}`] ??= { path, name };
    }
  }
  const stackDir = join(outdir, 'stacks', 'bench');
  const files = listFiles(stackDir)
    .map((f) => relative(stackDir, f))
    .filter((f) => f !== 'cdk.tf.json')
    .sort()
    .map((f) => [f.split(sep).join('/'), readFileSync(join(stackDir, f), 'utf8')]);
  writeFileSync(file, JSON.stringify({ json, classes, files }));
};

/** The raw declaration: N copies of the template's app (construct ids App0 → App<i>). */
exports.raw = (file) => {
  const { makeUniqueId } = require(require.resolve('cdktf').replace(/index\.js$/, 'private/unique.js'));
  const { Construct } = require('constructs');
  const { TerraformDataSource, TerraformProvider, TerraformResource } = require('cdktf');
  class RawProvider extends TerraformProvider {
    constructor(scope, id, name, source, attrs) {
      super(scope, id, { terraformResourceType: name, terraformProviderSource: source?.source, terraformGeneratorMetadata: { providerName: name, providerVersion: source?.version } });
      this.attrs = attrs;
    }
    synthesizeAttributes() {
      return this.attrs;
    }
  }
  const raw = (Base) =>
    class extends Base {
      constructor(scope, id, type, providerVersion, attrs, provider) {
        const { provisioner, ...rest } = attrs;
        // Provisioners are resource meta-arguments in cdktf, not attributes: hand them back as such.
        const provisioners = provisioner?.flatMap((p) => Object.entries(p).map(([t, c]) => ({ type: t, ...toConfig(c) })));
        super(scope, id, { terraformResourceType: type, terraformGeneratorMetadata: { providerName: type.split('_')[0], providerVersion }, provider, provisioners });
        this.attrs = rest;
      }
      synthesizeAttributes() {
        return this.attrs;
      }
    };
  const RawResource = raw(TerraformResource);
  const RawDataSource = raw(TerraformDataSource);
  const { json, classes, files } = JSON.parse(readFileSync(file, 'utf8'));
  const { addCustomSynthesis } = require('cdktf/lib/synthesize/synthesizer');
  const items = [];
  for (const kind of ['data', 'resource']) {
    for (const [type, byId] of Object.entries(json[kind] ?? {})) {
      for (const [id, body] of Object.entries(byId)) {
        const components = body['//'].metadata.path.split('/').slice(1); // drop the stack
        const config = {};
        for (const [k, v] of Object.entries(body)) if (!SKIP.has(k)) config[camel(k)] = toConfig(v);
        const c = classes[`${kind}.${type}`];
        if (!c) throw new Error(`replay: no provider class found for ${kind} ${type}`);
        if (c.path.includes(`${sep}node_modules${sep}@cdktf${sep}provider-`)) {
          items.push({ id, components, config, dependsOn: body.depends_on, make: (scope, cid, conf) => new (require(c.path)[c.name])(scope, cid, conf) });
        } else {
          // No generated bindings (a provider the library binds by hand, e.g. msgraph): declared the
          // way one would by hand, a cdktf TerraformResource writing the attributes as they are.
          const attrs = Object.fromEntries(Object.entries(body).filter(([k]) => k !== '//' && k !== 'depends_on' && k !== 'provider'));
          const version = json.terraform?.required_providers?.[type.split('_')[0]]?.version;
          items.push({ id, components, config: attrs, dependsOn: body.depends_on, make: (scope, cid, conf) => new (kind === 'data' ? RawDataSource : RawResource)(scope, cid, type, version, conf, body.provider && providers.get(body.provider)) });
        }
      }
    }
  }
  const ids = items.map((it) => it.id);
  let providers;
  return (stack, n) => {
    // Providers the construct declares itself (the adapter declares the ones a user declares).
    const declared = new Set(stack.node.findAll().filter((c) => TerraformProvider.isTerraformProvider(c)).map((p) => p.terraformResourceType));
    for (const [name, blocks] of Object.entries(json.provider ?? {})) {
      if (declared.has(name)) continue;
      const { '//': _meta, ...attrs } = blocks[0];
      const source = json.terraform?.required_providers?.[name];
      new RawProvider(stack, name, name, source, attrs);
    }
    providers = new Map(stack.node.findAll().filter((c) => TerraformProvider.isTerraformProvider(c)).map((p) => [p.terraformResourceType, p]));
    for (let i = 0; i < n; i++) {
      const rename = new Map(items.map((it) => [it.id, makeUniqueId([`App${i}`, ...it.components.slice(1)])]));
      const rewrite = (v) =>
        typeof v === 'string' ? ids.reduce((s, id) => (s.includes(id) ? s.split(id).join(rename.get(id)) : s), v)
        : Array.isArray(v) ? v.map(rewrite)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]))
        : v;
      const scopes = new Map();
      const scopeFor = (parts) => {
        let scope = stack;
        for (let j = 0; j < parts.length; j++) {
          const key = parts.slice(0, j + 1).join('/');
          if (!scopes.has(key)) scopes.set(key, new Construct(scope, parts[j]));
          scope = scopes.get(key);
        }
        return scope;
      };
      const own = files.filter(([path]) => i === 0 || APP0.test(path)); // stack-level files (the manifest) once
      if (own.length > 0) {
        const holder = new Construct(stack, `App${i}Files`);
        addCustomSynthesis(holder, {
          onSynthesize: (session) => {
            const stackDir = join(session.manifest.outdir, session.manifest.forStack(stack).synthesizedStackPath, '..');
            const made = new Set();
            for (const [path, content] of own) {
              const target = join(stackDir, ...path.replace(APP0, `$1App${i}$2`).split('/'));
              if (!made.has(dirname(target))) mkdirSync(dirname(target), { recursive: true });
              made.add(dirname(target));
              writeFileSync(target, content);
            }
          },
        });
      }
      for (const it of items) {
        const parts = [`App${i}`, ...it.components.slice(1)];
        const r = it.make(scopeFor(parts.slice(0, -1)), parts[parts.length - 1], rewrite(it.config));
        if (it.dependsOn) r.dependsOn = rewrite(it.dependsOn); // "type.id" strings, as cdktf writes them
      }
    }
  };
};
