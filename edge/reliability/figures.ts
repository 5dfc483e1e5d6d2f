import { machine } from '../bench/machine.ts';
import { table } from '../bench/stats.ts';

/** One measured figure of a section, held against its target. */
export interface Figure {
  section: string;
  measure: string;
  value: string;
  target: string;
  /** null: not applicable or skipped (the note says why). */
  pass: boolean | null;
  note?: string;
}

/** Collects figures as sections finish and prints them as one table at the end. */
export class Figures {
  readonly rows: Figure[] = [];
  readonly #started = performance.now();

  add(figure: Figure): void {
    this.rows.push(figure);
    const verdict = figure.pass === null ? 'n/a' : figure.pass ? 'pass' : 'FAIL';
    console.log(`  ${figure.measure}: ${figure.value} (target ${figure.target}) ${verdict}${figure.note ? ` (${figure.note})` : ''}`);
  }

  get failed(): boolean { return this.rows.some((r) => r.pass === false); }

  /** The header (machine, date) and the table of every figure. */
  print(title: string): void {
    const m = machine();
    const seconds = (performance.now() - this.#started) / 1000;
    console.log(`\n${title}`);
    console.log(`machine: ${m.cpu}; ${m.cores} cores; ${m.memoryGiB} GiB RAM; Node ${m.node}; ${m.os}`);
    console.log(`date: ${m.date}; took ${seconds.toFixed(0)} s`);
    console.log(table(['section', 'measure', 'value', 'target', 'result'], this.rows.map((r) => [
      r.section, r.measure, r.value, r.target, r.pass === null ? `n/a${r.note ? `: ${r.note}` : ''}` : r.pass ? 'pass' : 'FAIL',
    ])));
  }
}

/** Runs a section; a section that throws is a failed figure, not the end of the run. */
export async function runSection(figures: Figures, section: string, title: string, work: () => Promise<void>): Promise<void> {
  console.log(`\n=== ${section}. ${title} ===`);
  const started = performance.now();
  try {
    await work();
  } catch (error) {
    console.error(error);
    figures.add({ section, measure: 'section completed', value: `threw: ${(error as Error).message.slice(0, 120)}`, target: 'completes', pass: false });
  }
  console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

/** A count from the environment, e.g. SOAK_KILLS=20 for a short run. */
export function sized(name: string, full: number): number {
  const value = process.env[name];
  return value === undefined ? full : Math.max(1, Number(value));
}
