// Every participant of a sale, registered at start-up as a step of checkout (orders/steps.ts):
// places and the box office payment (orders itself), packs, streams, UiTPAS, and online payments
// with the providers they may use (Mollie), gift vouchers, and the till's open-shift rule.
import './orders/service.js';
import './packs/credits.js';
import './streams/selling.js';
import './connectors/uitpas/step.js';
import './payments/step.js';
import './connectors/mollie/settings.js';
import './vouchers/step.js';
import './shifts/required.js';
