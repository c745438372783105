import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';
/** Opens a route to anyone; everything else needs a session and a permission. */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
