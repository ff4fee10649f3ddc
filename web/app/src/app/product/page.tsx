import { Suspense } from 'react';
import { ProductDetails } from '../../components/ProductDetails';
import { StatusMessage } from '../../components/StatusMessage';

// One static page for every product: the id comes from ?id=, read in the browser, because a
// static export cannot pre-render products that are created after the build.
export default function ProductPage() {
  return (
    <Suspense fallback={<StatusMessage>Loading…</StatusMessage>}>
      <ProductDetails />
    </Suspense>
  );
}
