import { CreateProductForm } from '../../../components/CreateProductForm';

export default function NewProductPage() {
  return (
    <>
      <h1>New product</h1>
      <CreateProductForm />
    </>
  );
}
