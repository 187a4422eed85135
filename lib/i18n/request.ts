import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { loadMessages } from "./load-messages";
import { LOCALE_COOKIE, TIME_ZONE } from "./locales";
import { resolveLocale } from "./resolve-locale";

// The locale is not in the URL: the header's switch saves it in a cookie, else the browser's languages decide.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  return { locale, messages: loadMessages(locale), timeZone: TIME_ZONE };
});
