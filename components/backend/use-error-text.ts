import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, type RefObject } from "react";
import { BackendError } from "@/lib/backend/port";
import { MIN_PHOTO_SHORT_SIDE } from "@/lib/domain/photo-limits";

/**
 * A failed request in words for the person. The servers write their messages in English, which are the most
 * specific in English; in another language the error's reason, where it has one, or else its code picks a message
 * of the same meaning.
 */
export function useErrorText(): (error: unknown, fallback?: string) => string {
  const t = useTranslations("common.backendError");
  const english = useLocale() === "en";
  return useCallback(
    (error: unknown, fallback?: string) => {
      if (error instanceof BackendError) {
        if (english) return error.message;
        return error.reason ? t(`reason.${error.reason}`, { minSide: MIN_PHOTO_SHORT_SIDE }) : t(error.code);
      }
      if (typeof console !== "undefined") console.error(error);
      return fallback ?? t("INTERNAL");
    },
    [t, english],
  );
}

/**
 * useErrorText for effects that must not re-run when the language changes (starting a guest session,
 * handing over a result): the ref always holds the latest wording.
 */
export function useErrorTextRef(): RefObject<(error: unknown, fallback?: string) => string> {
  const describe = useErrorText();
  const ref = useRef(describe);
  useEffect(() => {
    ref.current = describe;
  }, [describe]);
  return ref;
}
