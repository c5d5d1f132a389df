import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IndexHolder } from '../../src/serving/index-holder.ts';

class Version {
  closed = false;
  constructor(readonly name: string) {}
  close() {
    this.closed = true;
  }
}

describe('IndexHolder', () => {
  it('serves nothing until the first swap', () => {
    const holder = new IndexHolder<Version>();
    assert.equal(holder.current(), undefined);
    assert.equal(holder.acquire(), undefined);
  });

  it('keeps a replaced version open until the last request holding it ends', () => {
    const holder = new IndexHolder<Version>();
    const v1 = new Version('v1');
    holder.swap(v1);
    const first = holder.acquire()!;
    const second = holder.acquire()!;
    const v2 = new Version('v2');
    holder.swap(v2);
    assert.equal(holder.current(), v2);
    assert.equal(first.value, v1, 'a request keeps the version it started with');
    assert.equal(holder.acquire()!.value, v2, 'new requests get the new version');
    assert.equal(holder.retiredInUse, 1);
    first.release();
    first.release();
    assert.equal(v1.closed, false, 'released twice by one request counts once');
    second.release();
    assert.equal(v1.closed, true);
    assert.equal(holder.retiredInUse, 0);
    assert.equal(v2.closed, false);
  });

  it('closes an unleased version at once when replaced, and the last one on clear', () => {
    const holder = new IndexHolder<Version>();
    const v1 = new Version('v1');
    const v2 = new Version('v2');
    holder.swap(v1);
    holder.swap(v2);
    assert.equal(v1.closed, true);
    holder.clear();
    assert.equal(v2.closed, true);
    assert.equal(holder.current(), undefined);
  });
});
