// Joins X's own sentences into ours without doubling their final period ("… 5242880 bytes.. Check …").

/** `text` without trailing periods and spaces, ready for our own "." (an ellipsis "…" is kept). */
export function clause(text: string): string {
  return text.replace(/[\s.]+$/u, "");
}
