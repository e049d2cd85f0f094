import type { TypeRegistry as TypeRegistryContract } from '@kbn/triggers-actions-ui-plugin/public';

/** Kibana's `TypeRegistry`: one model per id, with the same error messages. */
export class TypeRegistry<T extends { id: string }> implements TypeRegistryContract<T> {
  private readonly objectTypes = new Map<string, T>();

  register(objectType: T): void {
    if (this.has(objectType.id)) throw new Error(`Object type "${objectType.id}" is already registered.`);
    this.objectTypes.set(objectType.id, objectType);
  }

  has(id: string): boolean {
    return this.objectTypes.has(id);
  }

  get(id: string): T {
    const objectType = this.objectTypes.get(id);
    if (!objectType) throw new Error(`Object type "${id}" is not registered.`);
    return objectType;
  }

  list(): T[] {
    return [...this.objectTypes.values()];
  }
}
