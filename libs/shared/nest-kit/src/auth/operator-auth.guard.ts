import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  applyDecorators,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SERVICE_CONFIG, type ServiceConfig } from '../config/service-config';
import { type Operator, type OperatorRole, findOperator } from './operator-token';

const ROLE = Symbol('operator-role');

/** Routes that change state: administrators only. Reads accept read-only operators too. */
export const RequiresAdmin = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLE, 'admin'));

/** The authenticated operator of the request (the actor of every event it causes). */
export const CurrentOperator = createParamDecorator(
  (_: unknown, context: ExecutionContext): Operator =>
    context.switchToHttp().getRequest<Request & { operator: Operator }>().operator,
);

/**
 * Admin APIs are not open: a bearer token from OPERATOR_TOKENS identifies the
 * operator and their role. 401 without a valid token, 403 for a read-only
 * operator on a route that changes state.
 */
@Injectable()
export class OperatorAuthGuard implements CanActivate {
  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { operator?: Operator }>();
    const header = request.headers.authorization ?? '';
    const token = /^Bearer (\S+)$/i.exec(header)?.[1];
    const operator = token ? findOperator(this.config.operators, token) : undefined;
    if (!operator) {
      throw new UnauthorizedException({
        statusCode: 401,
        error: 'Unauthorized',
        message: 'a valid operator token is required: Authorization: Bearer <token>',
      });
    }
    const required = this.reflector.getAllAndOverride<OperatorRole | undefined>(ROLE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (required === 'admin' && operator.role !== 'admin') {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: `operator ${operator.id} is read-only; this change needs an administrator`,
      });
    }
    request.operator = operator;
    return true;
  }
}
