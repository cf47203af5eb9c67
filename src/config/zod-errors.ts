import type { z } from 'zod';

/** One line per problem: the key path, then what was expected. */
export function formatZodIssues(error: z.ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const keyPath = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${keyPath || '(top level)'}: ${issue.message}`;
    })
    .join('\n');
}
