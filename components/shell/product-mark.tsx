/** The product mark: a padlock (every change is locked until its sign-offs open it). */
export function ProductMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d4ed8" />
      <path d="M9 11a5 5 0 0 1 10 0v3h-3v-3a2 2 0 0 0-4 0v3H9z" fill="#fff" />
      <rect x="7" y="14" width="14" height="11" rx="2" fill="#fff" />
      <circle cx="14" cy="19.5" r="1.8" fill="#1d4ed8" />
      <path
        d="M23 9l3 3-3 3"
        stroke="#93c5fd"
        strokeWidth="2"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
