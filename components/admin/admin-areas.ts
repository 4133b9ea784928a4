/** The parts of Administration: the tab bar there and the administrator's dashboard list them. */
export const ADMIN_AREAS = [
  {
    href: "/admin",
    label: "Users",
    description: "Accounts, their status and their roles at each site; API tokens.",
    match: (p: string) => p === "/admin" || p.startsWith("/admin/users"),
  },
  {
    href: "/admin/sites",
    label: "Sites and areas",
    description: "The plants, their time zones and process areas.",
    match: (p: string) => p.startsWith("/admin/sites"),
  },
  {
    href: "/admin/sso",
    label: "Single sign-on",
    description: "Which roles the identity provider's claims give at each sign-in.",
    match: (p: string) => p.startsWith("/admin/sso"),
  },
  {
    href: "/admin/sign-ins",
    label: "Unknown-account sign-ins",
    description: "Failed or refused sign-ins with an email that matches no account.",
    match: (p: string) => p.startsWith("/admin/sign-ins"),
  },
  {
    href: "/admin/webhooks",
    label: "Webhooks",
    description: "Tell deployment tooling of approvals, starts, completions and gate refusals at a site.",
    match: (p: string) => p.startsWith("/admin/webhooks"),
  },
  {
    href: "/admin/mail",
    label: "Mail",
    description: "Every notification e-mail sent, newest first.",
    match: (p: string) => p.startsWith("/admin/mail"),
  },
] as const;
