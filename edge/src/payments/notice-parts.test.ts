import { describe, expect, it } from 'vitest';
import { alipaySigningString, yuanToFen } from './alipay.ts';
import { majorUnits } from './minor-units.ts';
import { noticeCommandId, siteOfTrade } from './notice-routing.ts';

describe('the parts of a payment notice', () => {
  it('builds the string Alipay signs: sorted, without sign, sign_type or empty values, values decoded', () => {
    const params = new URLSearchParams('total_amount=2.00&buyer_id=2088102116773037&body=%E5%A4%A7%E4%B9%90%E9%80%8F2.1&sign_type=RSA2&sign=abc&subject=&app_id=2015102700040153&notify_time=2016-07-19+14%3A10%3A49');

    expect(alipaySigningString(params)).toBe('app_id=2015102700040153&body=大乐透2.1&buyer_id=2088102116773037&notify_time=2016-07-19 14:10:49&total_amount=2.00');
  });

  it.each([['200.50', 20_050], ['2', 200], ['0.1', 10], ['0.01', 1], ['1.005', null], ['-1.00', null], ['1e3', null], ['', null]])('reads %s yuan as %s fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen);
  });

  it.each([[123_456, 'CNY', '1234.56'], [5, 'CNY', '0.05'], [0, 'NOK', '0.00'], [1200, 'JPY', '1200'], [-250, 'EUR', '-2.50']])('writes %s minor units of %s as %s', (amount, currency, text) => {
    expect(majorUnits(amount, currency)).toBe(text);
  });

  it('finds the site in a trade number and gives one command id per provider event', () => {
    const id = noticeCommandId({ provider: 'wechat', key: '4200001:TRANSACTION.SUCCESS' });

    expect(siteOfTrade('demo_P-12')).toBe('demo');
    expect(siteOfTrade('tower_b_P-3')).toBe('tower_b');
    expect(siteOfTrade('P-12')).toBeNull();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(noticeCommandId({ provider: 'wechat', key: '4200001:TRANSACTION.SUCCESS' })).toBe(id);
    expect(noticeCommandId({ provider: 'alipay', key: '4200001:TRANSACTION.SUCCESS' })).not.toBe(id);
  });
});
