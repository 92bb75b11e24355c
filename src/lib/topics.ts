/**
 * The closed list of topics, shared by essays and timeline events. Kept apart from the zod
 * schemas so that browser code (the timeline) can use it without shipping zod.
 */
export const TOPICS = ['diplomacy', 'nuclear', 'sanctions', 'military', 'hormuz', 'mediation'] as const;
export type Topic = (typeof TOPICS)[number];
export const TOPIC_LABELS: Record<Topic, string> = {
  diplomacy: 'Diplomacy',
  nuclear: 'Nuclear',
  sanctions: 'Sanctions',
  military: 'Military',
  hormuz: 'Hormuz and shipping',
  mediation: 'Mediation',
};
