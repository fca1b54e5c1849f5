import '@tanstack/react-query';
import type { ApiError } from './client';

// The API client only ever rejects with ApiError, so make it the default error type.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}
