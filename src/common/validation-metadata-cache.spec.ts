import { IsInt, IsString, MetadataStorage, validateSync } from 'class-validator';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

describe('cacheValidationMetadataLookups', () => {
  it('answers a repeated look-up of a class from the cache', () => {
    const storage = new MetadataStorage();
    const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadataLookups(storage);
    class Target {}

    const first = storage.getTargetValidationMetadatas(Target, '', false, false);
    const second = storage.getTargetValidationMetadatas(Target, '', false, false);

    expect(second).toBe(first);
    expect(lookup).toHaveBeenCalledTimes(1);
  });

  it('keeps the answers for different options apart', () => {
    const storage = new MetadataStorage();
    const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadataLookups(storage);
    class Target {}

    storage.getTargetValidationMetadatas(Target, '', false, false, ['a']);
    storage.getTargetValidationMetadatas(Target, '', false, false, ['b']);
    storage.getTargetValidationMetadatas(Target, '', true, false, ['a']);

    expect(lookup).toHaveBeenCalledTimes(3);
  });

  it('is installed once however often it is asked for', () => {
    const storage = new MetadataStorage();
    const lookup = jest.spyOn(storage, 'getTargetValidationMetadatas');
    cacheValidationMetadataLookups(storage);
    cacheValidationMetadataLookups(storage);
    class Target {}

    storage.getTargetValidationMetadatas(Target, '', false, false);
    storage.getTargetValidationMetadatas(Target, '', false, false);

    expect(lookup).toHaveBeenCalledTimes(1);
  });

  describe('with the storage the decorators write to', () => {
    beforeAll(() => cacheValidationMetadataLookups());

    class Parent {
      @IsString()
      name: unknown;
    }

    it('validates with the rules of the class and of its parents', () => {
      class Child extends Parent {
        @IsInt()
        age: unknown;
      }
      const child = Object.assign(new Child(), { name: 1, age: 'x' });

      expect(validateSync(child).map((error) => error.property)).toEqual(['age', 'name']);
      expect(validateSync(child).map((error) => error.property)).toEqual(['age', 'name']);
    });

    it('sees a rule added after the class was first validated', () => {
      class Later {
        @IsString()
        name: unknown;
        size: unknown;
      }
      const later = Object.assign(new Later(), { name: 'x', size: 'big' });
      expect(validateSync(later)).toEqual([]);

      IsInt()(Later.prototype, 'size');

      expect(validateSync(later).map((error) => error.property)).toEqual(['size']);
    });
  });
});
