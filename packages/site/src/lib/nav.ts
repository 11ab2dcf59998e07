/** The site's pages, in teaching order. Used by the layout's nav and the home page. */
export interface NavItem {
  href: string;
  title: string;
  blurb: string;
  /** Calculator pages carry a budget of 100 kB gzip JS (scripts/check-site-size.mjs). */
  calculator: boolean;
}

export const NAV: NavItem[] = [
  { href: '/how-training-works/', title: 'How training works', blurb: 'From data to a trained model: the loop, hyperparameters, fine-tuning, scaling laws and energy.', calculator: false },
  { href: '/live/', title: 'Training loop, live', blurb: 'Train a tiny transformer in your browser and watch the loss fall (or diverge).', calculator: false },
  { href: '/cost/', title: 'Run cost and time', blurb: 'FLOPs, accelerator-hours, wall-clock days, dollars and memory for a training run.', calculator: true },
  { href: '/energy/', title: 'Energy and carbon', blurb: 'kWh, tCO2e and household-years for a run, with the source of every default.', calculator: true },
  { href: '/laws/', title: 'Scaling-law explorer', blurb: 'Loss against compute, the compute-optimal frontier and isoFLOP curves for published and fitted laws.', calculator: true },
  { href: '/beyond-chinchilla/', title: 'Beyond Chinchilla', blurb: 'Epochs on limited data, models sized for their inference, and the learning rate and batch size for a budget.', calculator: true },
  { href: '/sweeps/', title: 'Sweep results', blurb: 'The committed reference sweeps: learning curves, isoFLOP profiles, fits and residuals.', calculator: true },
  { href: '/finetune/', title: 'Fine-tuning vs pre-training', blurb: 'Full fine-tuning against LoRA: trainable parameters, memory and cost.', calculator: true },
];
