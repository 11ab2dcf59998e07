/** What choosing a preset (published run) puts in the form, so the link reproduces it after a reload. */
import { getPublishedRun } from '@scaling-lab/core';

/** The accelerator id the preset's paper used (core's published-run table). */
export function presetAccelerator(presetId: string): string {
  return getPublishedRun(presetId).hardware.value;
}
