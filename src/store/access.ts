import { ForbiddenError, UnauthenticatedError } from '../model';

/** What a token may do: read (when reading needs a token), edit the graph, or both and administer. */
export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who makes a request or a change: a token's name and role, or a command (seed, cli:import). */
export interface Actor {
  readonly name: string;
  readonly role: Role;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when `role` includes everything `needed` allows. */
export function hasRole(role: Role, needed: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** The actor, when it may do what needs `needed`; UnauthenticatedError without one, ForbiddenError when its role is too low. */
export function authorize(actor: Actor | null | undefined, needed: Role, action: string): Actor {
  if (!actor) throw new UnauthenticatedError(`${action} needs a token with the ${needed} role: send "Authorization: Bearer <token>" (tokens come from \`proxygraph token create\`)`);
  if (!hasRole(actor.role, needed)) throw new ForbiddenError(`${action} needs the ${needed} role; token "${actor.name}" has the ${actor.role} role`);
  return actor;
}

/** The actor of changes made by commands rather than tokens. */
export function commandActor(name: string): Actor {
  return { name, role: 'admin' };
}
