import type { OpennessArea, OpennessContext } from '../area.ts';
import { interactionEvents } from './events.ts';
import { Questions } from './questions.ts';
import { interactionRoutes } from './routes.ts';
import { declareInteractionSettings } from './settings.ts';

export interface InteractionArea extends OpennessArea {
  /** Questions and their answers (seeds and tests call them). */
  questions: Questions;
}

/** 政民互动: questions and 留言 on a policy or in the 咨询 column, answers published after review, the public Q&A knowledge base shared with 12345. */
export function createInteractionArea(ctx: OpennessContext): InteractionArea {
  declareInteractionSettings(ctx.k.settings);
  const questions = new Questions(ctx);
  return { events: interactionEvents, routes: interactionRoutes(questions), questions };
}
