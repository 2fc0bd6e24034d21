import { Type } from 'class-transformer';
import { IsInt, IsString, Min, ValidateNested, validateSync } from 'class-validator';
import { fieldErrors } from './field-errors';

class Window {
  @IsString()
  from!: string;
}

class Schedule {
  @IsInt()
  @Min(0)
  daily!: number;

  @ValidateNested({ each: true })
  @Type(() => Window)
  windows!: Window[];
}

describe(fieldErrors.name, () => {
  it('names nested and array fields by their path in the body', () => {
    const schedule = Object.assign(new Schedule(), {
      daily: -1,
      windows: [
        Object.assign(new Window(), { from: '09:00' }),
        Object.assign(new Window(), { from: 9 }),
      ],
    });
    expect(fieldErrors(validateSync(schedule))).toEqual([
      { field: 'daily', messages: ['daily must not be less than 0'] },
      { field: 'windows[1].from', messages: ['from must be a string'] },
    ]);
  });
});
