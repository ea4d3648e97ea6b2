import { useEffect, useState } from 'react';
import { client } from '../../api/client';
import { intOrNull, setParams } from '../../router';

/** An entity's name for a chip: asked once per id; an id merged away answers its survivor's name. */
function useEntityName(id: number | null): string | null {
  const [name, setName] = useState<{ id: number; name: string } | null>(null);
  useEffect(() => {
    if (id === null) return;
    let live = true;
    void client.call('entities.get', { id }).then((r) => live && setName({ id, name: r.ok ? r.value.name : `#${id}` }));
    return () => {
      live = false;
    };
  }, [id]);
  return id === null ? null : name?.id === id ? name.name : `entity ${id}`;
}

/**
 * The entity filter of the Records section as chips ("Entity: Poly Technologies ×",
 * "Trading with: …", "Entity (consignee): … · Shipped by: …"): the records opened from an
 * entity page or the risk summary say whose they are, and one click lifts the filter.
 * Removing the entity lifts its counterparty and role too.
 */
export function EntityChips({ params }: { params: Readonly<Record<string, string>> }) {
  const entity = intOrNull(params.entity);
  const counterparty = entity === null ? null : intOrNull(params.cp);
  const entityName = useEntityName(entity);
  const counterpartyName = useEntityName(counterparty);
  if (entity === null) return null;
  // A role narrows the entity to it; with a counterparty, the trade goes one way (role shipper: to it; consignee: from it).
  const role = params.role;
  const otherSide = role === 'consignee' ? 'Shipped by' : role === 'shipper' ? 'Shipping to' : 'Trading with';
  return (
    <span className="entity-chips">
      <span className="chip" title={`Records that name entity ${entity}, ${role ? `as ${role}` : 'in any role'}`}>
        {role ? `Entity (${role})` : 'Entity'}: <a href={`#/entities/${entity}`}>{entityName}</a>
        <button
          className="chip-remove"
          aria-label={`Remove filter Entity: ${entityName ?? ''}`}
          onClick={() => setParams({ entity: undefined, cp: undefined, role: undefined })}
        >
          ×
        </button>
      </span>
      {counterparty !== null && (
        <span className="chip" title="Records where one ships to the other (shipper and consignee)">
          {otherSide}: <a href={`#/entities/${counterparty}`}>{counterpartyName}</a>
          <button
            className="chip-remove"
            aria-label={`Remove filter Trading with: ${counterpartyName ?? ''}`}
            onClick={() => setParams({ cp: undefined })}
          >
            ×
          </button>
        </span>
      )}
    </span>
  );
}
