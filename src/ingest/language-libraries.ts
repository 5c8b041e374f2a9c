import type * as Chrono from 'chrono-node';
import type Nlp from 'compromise';
import type * as HtmlParser2 from 'htmlparser2';
import { onFirstUse } from '../model';

/**
 * The language libraries of ingestion, loaded by their first use: together they hold about 35 MB resident once loaded
 * (compromise's lexicon most) and take about a second to load, which a server never asked to read a report should not
 * pay at start (issue #14). Tests check that a started server has not loaded them.
 */
export const compromise = onFirstUse((): typeof Nlp => require('compromise'));
export const chrono = onFirstUse((): typeof Chrono => require('chrono-node'));
export const htmlparser2 = onFirstUse((): typeof HtmlParser2 => require('htmlparser2'));
