#!/usr/bin/env node
// A real OpenID Connect provider (oidc-provider) for the tests: its own process on 127.0.0.1, with
// the users and groups of users.json, a login page of its own and consent granted on login.
//   IDP_PORT          port (0: any free one; the issuer is printed as `IDP_READY <issuer>`)
//   IDP_CLIENT_BASES  comma-separated portal base URLs whose callbacks are registered
// Test hook: the login form's `auth_age` field backdates auth_time by that many seconds, so that
// tests can present a stale authentication; the field is not on the page a person sees.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import Provider from "oidc-provider";

const {
  client: { id: CLIENT_ID, secret: CLIENT_SECRET },
  password: PASSWORD,
  users: USERS,
} = JSON.parse(fs.readFileSync(new URL("./users.json", import.meta.url), "utf8"));

const lastLogin = new Map();

const port = Number(process.env.IDP_PORT ?? 0);
const bases = (process.env.IDP_CLIENT_BASES ?? "http://localhost:3000").split(",").filter(Boolean);

const esc = (s) =>
  String(s).replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:3rem auto;color:#0f172a}
label{display:block;margin:.75rem 0 .25rem;font-size:.9rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1rem}.err{color:#b91c1c}</style></head>
<body><main><p>Corporate identity (test)</p><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

function loginForm(uid, clientName, error = "") {
  return page(
    "Sign in",
    `<p>to continue to ${esc(clientName)}</p>${error ? `<p class="err" role="alert">${esc(error)}</p>` : ""}
<form method="post" action="/interaction/${esc(uid)}/login">
<label for="username">Username</label><input id="username" name="username" autocomplete="username" autofocus>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Sign in</button></form>`,
  );
}

async function start() {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const { privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-idp", use: "sig", alg: "RS256" };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        client_name: "Interlock",
        redirect_uris: bases.flatMap((b) => [`${b}/api/auth/callback/oidc`, `${b}/api/sso/reauth/callback`]),
        post_logout_redirect_uris: bases.map((b) => `${b}/login`),
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    jwks: { keys: [jwk] },
    // Claims in the ID token itself, as Entra ID and Okta deliver groups: Interlock reads the ID token.
    conformIdTokenClaims: false,
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name"],
      groups: ["groups"],
    },
    scopes: ["openid", "email", "profile", "groups"],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: { enabled: true },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: [crypto.randomBytes(32).toString("hex")] },
    // The account id is the subject. Two logins may share one (a person whose email changed at the
    // provider): the claims are those of the login last used for that subject.
    findAccount: (_ctx, sub) => {
      const u = USERS[lastLogin.get(sub) ?? ""];
      if (!u) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: u.email,
          email_verified: u.email_verified ?? true,
          name: u.name,
          groups: u.groups,
        }),
      };
    },
  });

  async function finish(req, res, accountId, details, authAge = 0) {
    const { params } = details;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: params.client_id });
    grant.addOIDCScope(String(params.scope));
    const grantId = await grant.save();
    const result = { consent: { grantId } };
    if (details.prompt.name === "login")
      result.login = { accountId, ts: Math.floor(Date.now() / 1000) - authAge };
    await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }

  const callback = provider.callback();
  server.on("request", async (req, res) => {
    const m = /^\/interaction\/([^/?]+)(\/login)?/.exec(req.url ?? "");
    if (!m) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const client = await provider.Client.find(String(details.params.client_id));
      const name = client?.clientName ?? "the application";
      if (req.method === "GET") {
        if (details.prompt.name === "login") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          return res.end(loginForm(details.uid, name));
        }
        return finish(req, res, details.session.accountId, details);
      }
      let raw = "";
      for await (const chunk of req) raw += chunk;
      const form = new URLSearchParams(raw);
      const user = USERS[form.get("username") ?? ""];
      if (!user || form.get("password") !== PASSWORD) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(loginForm(details.uid, name, "Wrong username or password."));
      }
      lastLogin.set(user.sub, form.get("username"));
      return finish(req, res, user.sub, details, Number(form.get("auth_age") ?? 0) || 0);
    } catch (e) {
      res.writeHead(400, { "content-type": "text/plain" });
      res.end(`interaction failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  });
  process.stdout.write(`IDP_READY ${issuer}\n`);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
}

await start();
