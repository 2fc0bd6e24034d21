import { Expose, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

const whole = (variable: string, min: number, max: number) =>
  `${variable} must be a whole number from ${min} to ${max}`;

/**
 * Back-off after failed portal sign-ins, counted per login email and per
 * client address in the partners database (docs/operations.md).
 */
export class PortalLockoutEnv {
  /** Failures for one email, each within the window of the last, before sign-ins are refused. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: whole('PORTAL_LOCKOUT_FAILURES', 1, 1000) })
  @Min(1, { message: whole('PORTAL_LOCKOUT_FAILURES', 1, 1000) })
  @Max(1000, { message: whole('PORTAL_LOCKOUT_FAILURES', 1, 1000) })
  PORTAL_LOCKOUT_FAILURES = 5;

  /**
   * The same for one client address; higher, since many partners may share one
   * (an office, a proxy). 0 turns the per-address count off (behind a proxy
   * that hides client addresses).
   */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: whole('PORTAL_LOCKOUT_IP_FAILURES', 0, 100000) })
  @Min(0, { message: whole('PORTAL_LOCKOUT_IP_FAILURES', 0, 100000) })
  @Max(100_000, { message: whole('PORTAL_LOCKOUT_IP_FAILURES', 0, 100000) })
  PORTAL_LOCKOUT_IP_FAILURES = 20;

  /** A count is forgotten once this long has passed since its last failure. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: whole('PORTAL_LOCKOUT_WINDOW_SECONDS', 1, 86400) })
  @Min(1, { message: whole('PORTAL_LOCKOUT_WINDOW_SECONDS', 1, 86400) })
  @Max(86_400, { message: whole('PORTAL_LOCKOUT_WINDOW_SECONDS', 1, 86400) })
  PORTAL_LOCKOUT_WINDOW_SECONDS = 900;

  /** The first refusal's length; it doubles with every further failure, up to 64 times this. */
  @Expose()
  @Type(() => Number)
  @IsInt({ message: whole('PORTAL_LOCKOUT_BASE_SECONDS', 1, 3600) })
  @Min(1, { message: whole('PORTAL_LOCKOUT_BASE_SECONDS', 1, 3600) })
  @Max(3600, { message: whole('PORTAL_LOCKOUT_BASE_SECONDS', 1, 3600) })
  PORTAL_LOCKOUT_BASE_SECONDS = 60;
}
