import { Construct } from 'constructs';
import { throwEach } from '../twilio/rules';
import { literal } from './literal';
import { AssignmentRules, PrincipalKind, RecordedAssignment, RoleAssignment, assignmentProblems, listName, publicCopy, recordAssignment } from './role-assignment';
import { TwilioSsoApp, TwilioSsoAppProps } from './twilio-sso-app';

/**
 * The base of the identity-provider constructs that give groups and users access with their Twilio
 * roles (Okta, Entra ID, Keycloak): `addGroup`, `addUser` and the recorded assignments, written once.
 * Each assignment is checked by the same rules as the `groups`/`users` props (the identity provider's
 * `findProblems`), so a mistake has one code and one wording on either path; the identity provider
 * declares its resources for each recorded assignment ({@link declareGroup}, {@link declareUser}).
 */
export abstract class TwilioSsoAppWithAssignments extends TwilioSsoApp {
  private readonly recorded: Record<PrincipalKind, RecordedAssignment[]> = { [PrincipalKind.GROUP]: [], [PrincipalKind.USER]: [] };

  /**
   * @param defaultDisplayName the display name when the props give none
   */
  protected constructor(scope: Construct, id: string, props: TwilioSsoAppProps, defaultDisplayName?: string) {
    super(scope, id, props, defaultDisplayName);
  }

  /**
   * Gives a group of the identity provider (by its ID, or a token such as a group's `id` in the same
   * stack) access with the given Twilio roles. Returns the assignment as recorded (roles without
   * repeats). Throws `SsoConfigError` for what the `groups` prop refuses.
   */
  public addGroup(assignment: RoleAssignment): RoleAssignment {
    return this.record(PrincipalKind.GROUP, assignment);
  }

  /**
   * Gives one user of the identity provider (by ID, or a token) access individually with the given
   * Twilio roles. Returns the assignment as recorded. Throws `SsoConfigError` for what the `users`
   * prop refuses.
   */
  public addUser(assignment: RoleAssignment): RoleAssignment {
    return this.record(PrincipalKind.USER, assignment);
  }

  /** Copies of the group assignments declared so far, in order. */
  public get groupAssignments(): RoleAssignment[] {
    return this.recorded[PrincipalKind.GROUP].map(publicCopy);
  }

  /** Copies of the user assignments declared so far, in order. */
  public get userAssignments(): RoleAssignment[] {
    return this.recorded[PrincipalKind.USER].map(publicCopy);
  }

  /**
   * Declares the identity provider's resources for one group assignment, once it is checked.
   * @param assignment the assignment as recorded, its strings escaped for Terraform
   * @param key the group's name in construct IDs: its ID, or `ref<i>` for an ID that is a token (`<i>` its position among the groups)
   */
  protected abstract declareGroup(assignment: RoleAssignment, key: string): void;

  /**
   * Declares the identity provider's resources for one user assignment, once it is checked.
   * @param assignment the assignment as recorded, its strings escaped for Terraform
   * @param key the user's name in construct IDs: its ID, or `ref<i>` for an ID that is a token (`<i>` its position among the users)
   */
  protected abstract declareUser(assignment: RoleAssignment, key: string): void;

  /**
   * The rules this identity provider's assignments follow (ID shapes, where roles may be tokens):
   * the same object its `findProblems` uses for the `groups` and `users` props.
   * @internal
   */
  protected abstract _assignmentRules(): AssignmentRules;

  /**
   * Adds, to the base's warnings, a target nobody can sign in to: no group and no user given access
   * in code.
   * @internal
   */
  protected _warningsAtSynth(): string[] {
    const warnings = super._warningsAtSynth();
    if (!this._everyoneCanSignIn() && this.recorded[PrincipalKind.GROUP].length === 0 && this.recorded[PrincipalKind.USER].length === 0) {
      warnings.push(
        `No group and no user is given access to ${this.target.description} ('groups'/'users', addGroup/addUser): nobody can sign in ` +
          'unless people are assigned in the identity provider by hand',
      );
    }
    return warnings;
  }

  /**
   * Whether every user of the identity provider can sign in without being assigned (a Keycloak
   * client for a product without roles), so that no assignment is not a reason to warn.
   * @internal
   */
  protected _everyoneCanSignIn(): boolean {
    return false;
  }

  private record(kind: PrincipalKind, assignment: RoleAssignment): RoleAssignment {
    const list = this.recorded[kind];
    const field = `${listName(kind)}[${list.length}]`;
    const problems = assignmentProblems(assignment, field, kind, this.target, this._assignmentRules(), list.map((a) => a.principalId));
    throwEach(problems, `Cannot add ${kind} to ${this.node.path}`);
    const copy = recordAssignment(assignment, list.length);
    list.push(copy);
    const escaped = literal(publicCopy(copy));
    if (kind === PrincipalKind.GROUP) this.declareGroup(escaped, copy.key);
    else this.declareUser(escaped, copy.key);
    return publicCopy(copy);
  }
}
