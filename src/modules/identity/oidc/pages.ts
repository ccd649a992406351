import type { KoaContextWithOIDC } from 'oidc-provider';

/** The provider's few server-rendered pages: bilingual, no script, readable on a phone. */
const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) => `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f5f5f5;color:#1f1f1f}
main{max-width:420px;margin:40px auto;background:#fff;padding:24px;border-radius:8px}h1{font-size:1.4em}
button{font-size:1em;min-height:44px;width:100%;margin:8px 0;border-radius:6px;border:1px solid #9f1d20;cursor:pointer}
.primary{background:#9f1d20;color:#fff}.secondary{background:#fff;color:#9f1d20}p[lang=en]{color:#444}</style></head>
<body><main>${body}</main></body></html>`;

export async function logoutPage(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const client = ctx.oidc.client?.clientName ?? ctx.oidc.client?.clientId ?? '';
  ctx.type = 'html';
  ctx.body = page(
    '退出登录 / Sign out',
    `<h1>退出统一身份认证？</h1><p lang="en">Sign out of the platform's single sign-on?</p>
    ${client ? `<p>应用 / Application: ${esc(client)}</p>` : ''}${form}
    <button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">退出 / Sign out</button>
    <button class="secondary" type="submit" form="op.logoutForm">保持登录 / Stay signed in</button>`,
  );
}

export async function logoutDonePage(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = page('已退出 / Signed out', `<h1>您已安全退出</h1><p lang="en">You have signed out.</p><p><a href="/">返回一网首页 / Back to Yiwang</a></p>`);
}

export async function errorPage(ctx: KoaContextWithOIDC, out: { error: string; error_description?: string }): Promise<void> {
  ctx.type = 'html';
  ctx.body = page(
    '登录请求有误 / Sign-in request failed',
    `<h1>登录请求有误</h1><p lang="en">The sign-in request could not be processed.</p>
    <p><strong>${esc(out.error)}</strong>: ${esc(out.error_description)}</p>
    <p>请回到原应用重新发起登录。 <span lang="en">Go back to the application and try again.</span></p>`,
  );
}
