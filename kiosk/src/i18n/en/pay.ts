/** English words for the simulated provider's pay page and payments. */
export const pay = {
  'pay.provider': 'SimPay',
  'pay.title': 'Pay for your order',
  'pay.simulated': 'This is a simulated payment provider for demonstrations and tests: no real money moves.',
  'pay.loading': 'Loading the payment…',
  'pay.unknown': 'There is no payment at this address. Ask the building\'s reception.',
  'pay.summary': 'What you pay',
  'pay.payee': 'To',
  'pay.order': 'Order',
  'pay.reference': 'Reference',
  'pay.pay': 'Pay {amount}',
  'pay.paying': 'Paying…',
  'pay.paid': 'Paid. The building has been told; your receipt is on your tracking page.',
  'pay.refused': 'This payment cannot be paid (any more). Ask the building\'s reception.',
  'pay.failed': 'The payment could not be completed. Nothing was charged; try again.',
  'pay.back': 'Back to your order',
} as const;
