import { I18n } from "aws-amplify/utils";
import { AMPLIFY_MALAY } from "@/lib/i18n/amplify-vocabulary";

/**
 * Sets the language of Amplify's <Authenticator> (amplify mode only). It lives here, beside the adapters,
 * because pages and components may not import aws-amplify; the Authenticator wrapper loads it on demand.
 */
export function setAuthenticatorLanguage(locale: "en" | "ms"): void {
  I18n.putVocabularies({ ms: AMPLIFY_MALAY });
  I18n.setLanguage(locale);
}
