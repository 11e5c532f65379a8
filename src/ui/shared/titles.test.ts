import { describe, expect, it } from 'vitest';
import { tabTitle } from './titles';

describe('the browser tab title', () => {
  it('names the record and its kind, else the page, then the product', () => {
    expect(tabTitle(['杭州恒远机械有限公司', '客户'], '客户档案', '客缘')).toBe('杭州恒远机械有限公司 · 客户 · 客缘');
    expect(tabTitle(null, '客户档案', '客缘')).toBe('客户档案 · 客缘');
    expect(tabTitle(['', '客户'], '客户档案', '客缘')).toBe('客户 · 客缘'); // a record without a name still says what it is
    expect(tabTitle(null, '', '客缘')).toBe('客缘');
  });
});
