import { ClassConstructor, plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { ConfigProblem } from './config-error';

/**
 * Reads one concern's variables from the environment into a validated class.
 * The class's property names are the variable names, so every problem names
 * exactly what the operator has to fix. Empty values count as unset.
 */
export function validateEnv<T extends object>(
  schema: ClassConstructor<T>,
  env: NodeJS.ProcessEnv,
): { value: T; problems: ConfigProblem[] } {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const value = plainToInstance(schema, present, {
    excludeExtraneousValues: true,
    exposeDefaultValues: true,
  });
  const problems = validateSync(value, { forbidUnknownValues: true }).map(toProblem);
  return { value, problems };
}

function toProblem(error: ValidationError): ConfigProblem {
  const constraints = error.constraints ?? {};
  // A missing variable fails every other rule too; saying "required" is enough.
  const message = constraints.isDefined ?? Object.values(constraints).join('; ');
  return { variable: error.property, message };
}
