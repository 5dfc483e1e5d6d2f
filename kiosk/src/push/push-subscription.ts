import { PushKey, PushState } from '@doorside/edge/contracts';
import { sendToGateway } from '../api/gateway-client.ts';

/** Why push cannot be turned on here: no service workers or Push API, or the reader blocked notifications. */
export class PushUnavailable extends Error {
  constructor(readonly reason: 'unsupported' | 'denied') {
    super(`push is ${reason} in this browser`);
  }
}

const supported = () => 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** The gateway's service worker, served beside the pages so its scope covers them. */
const workerUrl = (base: URL) => new URL('./push-worker.js', base);

const keyBytes = (key: string) => Uint8Array.from(atob(key.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(key.length / 4) * 4, '=')), (c) => c.charCodeAt(0));

/** The browser's side of Web Push for the signed-in person: whether it is on here, turning it on and off. */
export class PushSwitch {
  constructor(private readonly base: URL) {}

  get available(): boolean {
    return supported();
  }

  async #registration(): Promise<ServiceWorkerRegistration> {
    await navigator.serviceWorker.register(workerUrl(this.base).href, { scope: new URL('./', this.base).pathname });
    return navigator.serviceWorker.ready;
  }

  /** Whether this browser holds a subscription (the gateway may have dropped one a push service called gone). */
  async isOn(): Promise<boolean> {
    if (!supported() || Notification.permission !== 'granted') return false;
    const registration = await navigator.serviceWorker.getRegistration(workerUrl(this.base).href);
    return Boolean(await registration?.pushManager.getSubscription());
  }

  async turnOn(): Promise<void> {
    if (!supported()) throw new PushUnavailable('unsupported');
    if ((await Notification.requestPermission()) !== 'granted') throw new PushUnavailable('denied');
    const registration = await this.#registration();
    const { publicKey } = PushKey.parse(await sendToGateway(this.base, 'GET', '/api/push/key'));
    const subscription = await registration.pushManager.getSubscription()
      ?? await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    PushState.parse(await sendToGateway(this.base, 'POST', '/api/push/subscriptions', subscription.toJSON()));
  }

  async turnOff(): Promise<void> {
    if (!supported()) return;
    const registration = await navigator.serviceWorker.getRegistration(workerUrl(this.base).href);
    const subscription = await registration?.pushManager.getSubscription();
    if (!subscription) return;
    PushState.parse(await sendToGateway(this.base, 'POST', '/api/push/subscriptions/remove', { endpoint: subscription.endpoint }));
    await subscription.unsubscribe();
  }
}
