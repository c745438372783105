import { SetMetadata } from '@nestjs/common';

export const PASSWORD_CHANGE_EXEMPT_KEY = 'passwordChangeExempt';
export const PasswordChangeExempt = () => SetMetadata(PASSWORD_CHANGE_EXEMPT_KEY, true);
