import { ROUTINE_STEP_LABELS, ROUTINE_STEPS } from "../catalog/product";
import { listOf, message, STORED_TEXT_KEY, type Message, type MessageValue } from "../message";
import { BUDGETS, GOAL_LABELS, GOALS, KEEP_USING_KEYS, SKIN_TYPE_LABELS, SKIN_TYPES } from "../survey";

/**
 * Recommendations stored before the domain spoke in message keys hold English sentences. Those whose
 * wording was fixed, or whose parameters can be read back, become messages again, so they show in the
 * person's language; anything else is kept as written.
 */
const FIXED: Record<string, Message> = {
  "Patch-test each new product on a small area (behind the ear or along the jaw) for 24–48 hours before using it on your face, and introduce one new product at a time.":
    message("recommend.note.patchTest"),
  "This is not medical advice. Skinsight suggests cosmetic products; for painful, persistent or sudden skin changes, see a doctor or dermatologist.":
    message("recommend.note.notMedicalAdvice"),
  "These picks are based on your answers only. Add a photo to weigh them by your skin scores as well.":
    message("recommend.note.surveyOnly"),
  "Prices are indicative, in RM, and vary between shops and sales.": message("recommend.note.price"),
  "Made for sensitive skin.": message("recommend.reason.sensitive"),
  "Fragrance-free, as you asked.": message("recommend.reason.fragranceFree"),
  "Retinoids are not recommended during pregnancy or breastfeeding. Pause your retinoid and ask your doctor or pharmacist what to use instead.":
    message("recommend.warning.PREGNANCY_RETINOID"),
  "UV makes dark spots and redness worse, and no sunscreen in our catalog passed your filters. Wear any broad-spectrum SPF 30+ every morning.":
    message("recommend.warning.NO_SUNSCREEN_FILTERED"),
};

const plainLabel = (label: string) => label.replace(/ \(.*\)$/, "").toLowerCase();
const lookup = <K extends string>(keys: readonly K[], label: (key: K) => string, text: string): K | undefined =>
  keys.find((key) => label(key) === text);

const BAND_TEXT: Record<(typeof BUDGETS)[number], string> = {
  "under-50": "under RM50",
  "50-150": "RM50–150",
  "over-150": "over RM150",
};

function readPattern(text: string): Message | null {
  const skin = /^Suits (.+) skin\.$/.exec(text)?.[1];
  const skinType = skin && lookup(SKIN_TYPES, (k) => plainLabel(SKIN_TYPE_LABELS[k]), skin);
  if (skinType) return message("recommend.reason.skinType", { skinType: message(`recommend.skinType.${skinType}`) });

  const goalText = /^Fits your goals?: (.+)\.$/.exec(text)?.[1];
  if (goalText) {
    const goals = goalText.split(", ").map((g) => lookup(GOALS, (k) => GOAL_LABELS[k].toLowerCase(), g));
    if (goals.every((g) => g !== undefined)) {
      return message("recommend.reason.goals", {
        goals: listOf(goals.map((g) => message(`recommend.goal.${g}`))),
        count: goals.length,
      });
    }
  }

  const budget = /^Priced below your budget band \((.+?)\): (.+)$/.exec(text);
  const band = budget?.[1] && lookup(BUDGETS, (k) => BAND_TEXT[k], budget[1]);
  if (budget && band) {
    const params = { band: message(`recommend.budget.band.${band}`) };
    if (budget[2] === "nothing in that band at this step targets your concerns or goals.") {
      return message("recommend.budget.noneRelevant", params);
    }
    if (budget[2]?.startsWith("the products in that band at this step repeat a brand")) {
      return message("recommend.budget.repeats", params);
    }
    const stepText = /^our catalogue has no (.+) in that band\.$/.exec(budget[2] ?? "")?.[1];
    const step = stepText && lookup(ROUTINE_STEPS, (k) => ROUTINE_STEP_LABELS[k].toLowerCase(), stepText);
    if (step) return message("recommend.budget.noneInBand", { ...params, step: message(`recommend.stepNoun.${step}`) });
  }
  return null;
}

/** A stored sentence as a message: its key when it can be recovered, else the text as written. */
export function fromStoredText(text: string): Message {
  return FIXED[text] ?? readPattern(text) ?? message(STORED_TEXT_KEY, { text });
}

const STORED_LABELS: readonly [RegExp, string][] = [
  [/^Keep using your own (.+): nothing in our catalogue fits your answers here$/, "recommend.routine.keepYourOwn"],
  [/^Keep using yours: your own (.+)$/, KEEP_USING_KEYS.routineLine],
];

/** A stored routine label: a product's name stays a name; the old "keep using your own …" lines are recovered. */
export function fromStoredLabel(label: string): MessageValue {
  for (const [pattern, key] of STORED_LABELS) {
    const stepText = pattern.exec(label)?.[1];
    const step = stepText && lookup(ROUTINE_STEPS, (k) => ROUTINE_STEP_LABELS[k].toLowerCase(), stepText);
    if (step) return message(key, { step: message(`recommend.stepNoun.${step}`) });
  }
  return label;
}
