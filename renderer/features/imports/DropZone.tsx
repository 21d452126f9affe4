/** Drop a Lens export anywhere on the window: it goes to the Imports screen. */
import { Center, Overlay, Text } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../components/route';
import { setPendingImport } from './pending';

const hasFiles = (event: DragEvent) =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function DropZone() {
  const { t } = useTranslation();
  const [isOver, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const over = (event: DragEvent) => {
      if (hasFiles(event)) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      event.preventDefault();
      depth = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      void file.arrayBuffer().then((buffer) => {
        setPendingImport({ kind: 'file', name: file.name, bytes: new Uint8Array(buffer) });
        navigate('imports');
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!isOver) return null;
  return (
    <Overlay fixed blur={2} zIndex={300} backgroundOpacity={0.5}>
      <Center h="100%">
        <Text c="white" size="xl" fw={700}>
          <IconFileImport size={40} /> {t('imports.dropHere')}
        </Text>
      </Center>
    </Overlay>
  );
}
