import { DefaultTokenResolver, Lazy, StringConcat, TerraformResource, Token, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { ITwilioSsoApp } from '../core/console-values';
import { literal } from '../core/literal';
import '../core/tokens';
import { SsoErrorCode, TwilioSsoKind, TwilioTarget, Violation } from '../twilio';
import { isRecord, kindOf, optionalStringProblems, recordProblems, show, throwIfAny, violation } from '../twilio/rules';
import { isUnresolved } from '../twilio/unresolved';
import { SendgridProvider } from './provider/sendgrid-provider';
import { SendgridSsoCertificate } from './provider/sso-certificate';
import { SendgridSsoIntegration } from './provider/sso-integration';

/** Props for {@link SendGridSso}. Nothing here is a secret: the API key comes from `SENDGRID_API_KEY`. */
export interface SendGridSsoProps {
  /**
   * The identity-provider app SendGrid trusts, when it exists before the integration: an app whose
   * target is `TwilioTarget.sendgrid({ integrationId })` with the ID known already (step 2 of the
   * two-step apply, e.g. Okta). For an app made after this construct from {@link SendGridSso.target}
   * (Keycloak, Entra: one apply), call {@link SendGridSso.connect} instead.
   * @default - none yet: call `connect(app)`, or give `placeholderUrl` for step 1 of a two-step apply
   */
  readonly app?: ITwilioSsoApp;
  /**
   * Step 1 of a two-step apply: the URL SendGrid is given as the issuer and sign-in URL until an app
   * is connected (SendGrid requires both to create an integration), e.g. your Okta org URL. The
   * integration is created disabled; the next apply, with the app connected, replaces these values
   * in place and enables it.
   * @default - none: an app must be connected
   */
  readonly placeholderUrl?: string;
  /**
   * The integration's name in SendGrid's Settings → SSO Settings.
   * @default - the app's display name when it is literal text, else 'Twilio SSO (cdktf-twilio-sso)'
   */
  readonly name?: string;
  /**
   * Whether the integration is enabled.
   * @default - true once an app is connected; false while only `placeholderUrl` is given
   */
  readonly enabled?: boolean;
  /**
   * Where SendGrid sends users after they sign out (`signout_url`, which SendGrid requires).
   * @default 'https://app.sendgrid.com/ssologin' (SendGrid's single sign-on page, the Sign-on URL of Microsoft Learn's "Tutorial: Microsoft Entra SSO integration with Twilio SendGrid")
   */
  readonly signoutUrl?: string;
  /**
   * The SendGrid provider to declare the resources with.
   * @default - the stack's default sendgrid provider (`SendgridProvider.of`)
   */
  readonly provider?: SendgridProvider;
}

/** SendGrid's single sign-on page; see {@link SendGridSsoProps.signoutUrl}. */
const SENDGRID_SSO_LOGIN = 'https://app.sendgrid.com/ssologin';
const DEFAULT_NAME = 'Twilio SSO (cdktf-twilio-sso)';
const RESOLVER = new DefaultTokenResolver(new StringConcat());

/** The problems of an optional https URL prop (a token passes). */
function urlProblems(value: unknown, field: string): Violation[] {
  const type = optionalStringProblems(value, field, 'an https URL');
  if (type.length > 0 || value === undefined || isUnresolved(value)) return type;
  let url: URL | undefined;
  try {
    url = new URL(value as string);
  } catch {
    url = undefined;
  }
  if (url && url.protocol === 'https:' && url.username === '' && url.password === '' && !/\s/.test(value as string)) return [];
  return [violation(SsoErrorCode.SENDGRID_URL_INVALID, field, value, `must be an absolute https URL without credentials or spaces, got ${show(value)}`)];
}

/** The problems of an identity-provider app given to SendGrid at `field`. */
export function sendGridAppProblems(app: unknown, field: string): Violation[] {
  const what = 'an identity-provider construct of this library (KeycloakTwilioSso, EntraTwilioSso, OktaTwilioSso, …)';
  if (app === undefined || app === null) return [violation(SsoErrorCode.VALUE_REQUIRED, field, app, `is required: ${what}, got ${show(app)}`)];
  if (!isRecord(app) && !(app instanceof Construct)) return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, app, `must be ${what}, got ${kindOf(app)}`)];
  const target = (app as { target?: unknown }).target;
  if (!(target instanceof TwilioTarget) || !('consoleValues' in (app as object))) {
    return [violation(SsoErrorCode.VALUE_TYPE_INVALID, field, app, `must be ${what}, got ${kindOf(app)}`)];
  }
  if (target.kind !== TwilioSsoKind.SENDGRID) {
    return [
      violation(SsoErrorCode.SENDGRID_APP_NOT_SENDGRID, field, target.description,
        `must sign users in to SendGrid (target TwilioTarget.sendgrid or SendGridSso.target), got an app for ${target.description}`),
    ];
  }
  return [];
}

/** The problems of {@link SendGridSsoProps}. Never throws. */
export function sendGridSsoProblems(props: unknown): Violation[] {
  if (props === undefined) return [];
  const shape = recordProblems(props, 'props', 'SendGridSso props { app?, placeholderUrl?, name?, enabled?, signoutUrl?, provider? }');
  if (shape.length > 0 || !isRecord(props)) return shape;
  const out: Violation[] = [];
  if (props.app !== undefined) out.push(...sendGridAppProblems(props.app, 'app'));
  out.push(...urlProblems(props.placeholderUrl, 'placeholderUrl'), ...urlProblems(props.signoutUrl, 'signoutUrl'));
  const name = props.name;
  out.push(...optionalStringProblems(name, 'name', 'the integration name'));
  if (typeof name === 'string' && !isUnresolved(name) && name.trim() === '') {
    out.push(violation(SsoErrorCode.DISPLAY_NAME_EMPTY, 'name', name, 'must not be empty: it is how the integration is listed in SendGrid'));
  }
  if (props.enabled !== undefined && typeof props.enabled !== 'boolean' && !isUnresolved(props.enabled)) {
    out.push(violation(SsoErrorCode.VALUE_TYPE_INVALID, 'enabled', props.enabled, `must be true or false, got ${kindOf(props.enabled)} ${show(props.enabled)}`));
  }
  if (props.provider !== undefined && !(props.provider instanceof SendgridProvider)) {
    out.push(violation(SsoErrorCode.VALUE_TYPE_INVALID, 'provider', props.provider, `must be a SendgridProvider, got ${kindOf(props.provider)}`));
  }
  return out;
}

/**
 * Both sides of SendGrid single sign-on in one stack: SendGrid's SSO integration and the identity
 * provider's signing certificate (`sendgrid_sso_integration`, `sendgrid_sso_certificate` of the
 * `kenzo0107/sendgrid` provider), filled from an identity-provider app's issuer, SSO URL and
 * certificate (its {@link ITwilioSsoApp.consoleValues}).
 *
 * The app's ACS URL and Entity ID carry the integration's ID, which SendGrid assigns; whether one
 * apply suffices depends on the identity provider (docs/sendgrid.md):
 * - **Keycloak, Entra ID — one apply.** Their issuer and SSO URL belong to the realm or tenant, not to
 *   the app: make the app from {@link SendGridSso.target} and {@link SendGridSso.connect} it. Terraform
 *   creates the integration, then the app, then the certificate.
 * - **Okta custom app — two applies.** Okta's issuer and SSO URL belong to the app, which needs the
 *   integration ID: step 1 declares this construct with `placeholderUrl` only (integration created
 *   disabled; read its ID from {@link SendGridSso.integrationId}'s output); step 2 makes the Okta app
 *   with `TwilioTarget.sendgrid({ integrationId: '<that ID>' })` and gives it as `app`. The
 *   integration keeps its address, so step 2 updates it in place and adds the certificate.
 */
export class SendGridSso extends Construct {
  /** The SendGrid SSO integration (construct ID `Integration`). */
  public readonly integration: SendgridSsoIntegration;
  /**
   * The SendGrid target of this integration, for an identity-provider app made after this construct
   * (one apply): its Entity ID and ACS URL carry the integration's ID as a Terraform reference.
   */
  public readonly target: TwilioTarget;

  private readonly provider: SendgridProvider;
  private appConnected?: ITwilioSsoApp;
  private certificateMemo?: SendgridSsoCertificate;
  private readonly props: SendGridSsoProps;
  private readonly given: { readonly placeholderUrl?: string; readonly name?: string; readonly signoutUrl?: string };

  constructor(scope: Construct, id: string, props: SendGridSsoProps = {}) {
    throwIfAny('Invalid SendGridSso', sendGridSsoProblems(props));
    super(scope, id);
    this.props = props;
    this.given = literal({ placeholderUrl: props.placeholderUrl, name: props.name, signoutUrl: props.signoutUrl });
    const provider = (this.provider = props.provider ?? SendgridProvider.of(this));
    const value = (what: 'issuer' | 'ssoUrl'): string =>
      Lazy.stringValue({ produce: () => (this.appConnected ? this.appConnected.consoleValues[what] : this.given.placeholderUrl) });
    this.integration = new SendgridSsoIntegration(this, 'Integration', {
      provider,
      name: Lazy.stringValue({ produce: () => this.given.name ?? (this.appConnected ? literal(appName(this.appConnected)) : undefined) ?? DEFAULT_NAME }),
      enabled: Lazy.anyValue({ produce: () => this.props.enabled ?? this.appConnected !== undefined }),
      entityId: value('issuer'),
      signinUrl: value('ssoUrl'),
      signoutUrl: this.given.signoutUrl ?? SENDGRID_SSO_LOGIN,
    });
    this.target = TwilioTarget.sendgrid({ integrationId: this.integration.id });
    this.node.addValidation({
      validate: () =>
        this.appConnected || props.placeholderUrl !== undefined
          ? []
          : [`${this.node.path}: no identity-provider app [${SsoErrorCode.SENDGRID_APP_MISSING}]: call connect(app) (one apply: Keycloak, Entra ID), or give placeholderUrl for step 1 of a two-step apply (Okta)`],
    });
    if (props.app !== undefined) this.connect(props.app);
  }

  /** The integration's ID (a UUID, known after apply): what the app's target and step 2 of a two-step apply need. */
  public get integrationId(): string {
    return this.integration.id;
  }

  /** The app SendGrid trusts, once connected. */
  public get app(): ITwilioSsoApp | undefined {
    return this.appConnected;
  }

  /** The signing certificate given to SendGrid (construct ID `Certificate`), once an app is connected. */
  public get certificate(): SendgridSsoCertificate | undefined {
    return this.certificateMemo;
  }

  /**
   * Makes SendGrid trust `app`: the integration takes its issuer and SSO URL, and its signing
   * certificate is added. `app` must sign users in to SendGrid (its target made from
   * {@link SendGridSso.target} or `TwilioTarget.sendgrid`); one app per integration. Returns the
   * certificate resource.
   */
  public connect(app: ITwilioSsoApp): SendgridSsoCertificate {
    const problems = sendGridAppProblems(app, 'app');
    if (this.appConnected !== undefined && problems.length === 0) {
      problems.push(violation(SsoErrorCode.SENDGRID_APP_DUPLICATE, 'app', app.node.path, `is a second app for one SendGrid integration (${this.appConnected.node.path} is connected already); declare another SendGridSso for it`));
    }
    if (problems.length === 0) problems.push(...this.cycleProblems(app));
    throwIfAny(`Cannot connect an app to ${this.node.path}`, problems);
    this.appConnected = app;
    this.certificateMemo = new SendgridSsoCertificate(this, 'Certificate', {
      provider: this.provider,
      integrationId: this.integration.id,
      publicCertificate: app.consoleValues.certificatePem,
    });
    return this.certificateMemo;
  }

  /**
   * A cycle Terraform would refuse, found before synth: `app` was made from this construct's target
   * (its URLs reference the integration) and its issuer or SSO URL references one of its own
   * resources (an Okta app's `entity_url`), which the integration would then reference.
   */
  private cycleProblems(app: ITwilioSsoApp): Violation[] {
    const resolve = (value: unknown): string => JSON.stringify(Tokenization.resolve(value, { scope: this, resolver: RESOLVER }));
    // A literal ID (step 2 of the two-step apply) or a reference to something else: no cycle from here.
    if (app.target.sid === undefined || resolve(app.target.sid) !== resolve(this.integration.id)) return [];
    const values = resolve([app.consoleValues.issuer, app.consoleValues.ssoUrl]);
    const own = app.node
      .findAll()
      .filter((c): c is TerraformResource => c instanceof TerraformResource)
      .find((r) => values.includes(`\${${r.terraformResourceType}.${r.friendlyUniqueId}.`));
    if (own === undefined) return [];
    return [
      violation(SsoErrorCode.SENDGRID_APP_CYCLE, 'app', app.node.path,
        `${show(app.node.path)} issues its SAML from its own resource (${own.terraformResourceType}), whose URLs carry this integration's ID: a cycle Terraform refuses; use the two-step apply instead (docs/sendgrid.md: step 1 with placeholderUrl, step 2 with an app made from TwilioTarget.sendgrid({ integrationId }) given as app)`),
    ];
  }
}

/**
 * The app's display name, when it has a literal one. A name holding a token is not used: the default
 * one holds the integration's own ID (`Twilio SendGrid <id>`), which the integration cannot reference.
 */
function appName(app: ITwilioSsoApp): string | undefined {
  const name = (app as { displayName?: unknown }).displayName;
  return typeof name === 'string' && !Token.isUnresolved(name) && name.trim() !== '' ? name : undefined;
}
