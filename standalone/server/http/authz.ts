/*
 * Route authorization the way Kibana's security plugin evaluates `security.authz`: plain entries
 * and `allRequired` must all be granted, an `anyRequired` group needs one of its members.
 */
import type { RouteSecurity } from '@kbn/core/server';
import type { HostUser } from '../auth';

export type AuthzResult = { authorized: true } | { authorized: false; missing: string };

/** Also used by host clients handed to the plugin, which authorize the request's user themselves as Kibana's do. */
export function isGranted(user: HostUser | undefined, privilege: string): boolean {
  const granted = user?.privileges;
  return granted === 'all' || (granted?.has(privilege) ?? false);
}

export function checkRouteAuthz(security: RouteSecurity | undefined, user: HostUser | undefined): AuthzResult {
  const authz = security?.authz;
  if (!authz || 'enabled' in authz) return { authorized: true };
  if (user?.privileges === 'all') return { authorized: true };
  const has = (privilege: string) => isGranted(user, privilege);

  const missing: string[] = [];
  for (const requirement of authz.requiredPrivileges) {
    if (typeof requirement === 'string') {
      if (!has(requirement)) missing.push(requirement);
      continue;
    }
    missing.push(...(requirement.allRequired ?? []).filter((privilege) => !has(privilege)));
    const anyOf = requirement.anyRequired ?? [];
    if (anyOf.length > 0 && !anyOf.some(has)) missing.push(`(${anyOf.join(' OR ')})`);
  }
  return missing.length === 0 ? { authorized: true } : { authorized: false, missing: missing.join(',') };
}

export const unauthorizedMessage = (method: string, pathWithQuery: string, missing: string) =>
  `API [${method.toUpperCase()} ${pathWithQuery}] is unauthorized for user, this action is granted by the Kibana privileges [${missing}]`;
