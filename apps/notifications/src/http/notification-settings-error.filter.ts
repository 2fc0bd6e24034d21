import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { NotificationSettingsError } from '@leadrail/notifications-domain';
import { sendDomainRefusal } from '@leadrail/nest-kit';

/** A refused template or rate: 400 naming every field at fault. */
@Catch(NotificationSettingsError)
export class NotificationSettingsErrorFilter implements ExceptionFilter {
  catch(error: NotificationSettingsError, host: ArgumentsHost): void {
    sendDomainRefusal(
      host,
      {
        code: 'INVALID_NOTIFICATION_SETTINGS',
        message: error.message,
        problems: error.problems.flatMap((problem) =>
          problem.messages.map((message) => ({ field: problem.field, message })),
        ),
      },
      400,
    );
  }
}
