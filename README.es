fu - seguimiento de acuerdos, no de clientes
============================================

La mayoría de los vendedores atiende a una décima parte de su cartera y
olvida el resto; su seguimiento es una llamada "para ver cómo van las
cosas" que el cliente siente como presión, porque no se acordó nada.  fu
sigue un método más simple: toda conversación termina en un acuerdo, un
paso concreto con fecha ("le envío la cotización de 3 laptops el
viernes"), y un seguimiento es un contacto que verifica un acuerdo.
"Cualquier cosa me llama" no es un acuerdo, y fu no lo registra.  El
método completo está en fu(7) (`man -L es fu`), los archivos en
fu-portfolio(5).

fu son cinco comandos de Unix (fu-add, fu-log, fu-due, fu-stats y
fu-clients) sobre archivos CSV o TSV que se abren en cualquier hoja de cálculo.


Instalación
-----------

En una máquina Debian o Ubuntu recién instalada, como root (o con sudo),
en este directorio, dos comandos hacen todo.  El primero instala lo que
falte (compilador de C, make, libcsv, cmocka, mandoc, gettext y la
configuración regional es_MX.UTF-8), compila y muestra lo que vence en la
cartera de ejemplo:

    sh tools/deps.sh && make demo

El segundo ejecuta las pruebas (pruebas unitarias con cmocka y escenarios
de línea de comandos), y luego las mismas con AddressSanitizer y UBSan:

    make check

`make install` instala los comandos, las páginas de manual en inglés y en
español (`man -L es fu-due`) y el catálogo de mensajes en español
(PREFIX=/usr/local y DESTDIR= como de costumbre).


En español
----------

Con LANG=es_MX.UTF-8 (u otra configuración regional en español, o
LANGUAGE=es en cualquier configuración que no sea C) los mensajes, los encabezados de las tablas, el informe y la
ayuda (--help) salen en español.  Lo que leen los scripts no cambia con el
idioma: los nombres de las columnas de los archivos, los valores que fu
escribe en ellos (kept, broken, yes...) y cada byte de --tsv, --csv,
--json y -f.  Al escribir, fu entiende también el español: fechas como
"viernes", "el próximo lunes", "pasado mañana", "en 3 días" o "dentro de 2
semanas", y -o cumplido, incumplido, movido o descartado.  Los planes
incluidos en español son bienvenida, posventa y salida.  Los canales
(--channel) son palabras libres; los planes escriben call, visit y email,
como la cartera de ejemplo: use las mismas para que fu-stats cuente cada
canal una sola vez.

Antes de `make install`, desde este directorio, el catálogo compilado está
en po/locale: FU_LOCALEDIR=$PWD/po/locale.


Un día de trabajo
-----------------

La cartera es un directorio: -p DIR, o $FU_PORTFOLIO, o
~/.local/share/fu.  Se crea con el primer cliente, 0700, sus archivos
0600.  Esta transcripción se hizo el 2026-11-23 (un lunes); FU_TODAY fija
ese día, para que funcione igual cualquier otro día.

    $ export FU_TODAY=2026-11-23 LANG=es_MX.UTF-8
    $ fu-add client "Ana López" --company Acme --consent
    1
    $ fu-add agreement lopez "Enviar la cotización de 3 laptops" --due viernes
    1
    $ fu-add agreement ana "cualquier cosa me llama" --due viernes
    fu-add: "cualquier cosa me llama" no es un acuerdo: indique un paso concreto y una fecha de vencimiento
    $ fu-log lopez -o cumplido --next "Llamar para confirmar el pedido" --due "en una semana"
    2
    $ fu-add client "Íñigo Núñez" --company "Café Ñandú"
    2
    $ fu-add agreement núñez "Visitar para firmar el contrato" --due "pasado mañana" --channel visit
    3
    $ fu-log núñez --signal "Factura F-2026-311 sin pagar"
    4
    $ fu-due --within 7
    VENCE       CUÁNDO  CLIENTE      QUÉ                                                       CANAL  ID
    2026-11-23     hoy  Íñigo Núñez  Atender la señal de alerta: Factura F-2026-311 sin pagar          4
    2026-11-25   en 2d  Íñigo Núñez  Visitar para firmar el contrato                           visit   3
    2026-11-30   en 7d  Ana López    Llamar para confirmar el pedido                                   2
    $ fu-due --at-risk -f '{client}: {signal}'
    Íñigo Núñez: Factura F-2026-311 sin pagar
    $ fu-log núñez -a 4 --note "Pagó la factura" --next "Enviar la factura del contrato" --due "el próximo lunes"
    5
    $ fu-due --at-risk
    $ fu-due --within 7 --client núñez -f '{due} {what}'
    2026-11-25 Visitar para firmar el contrato
    2026-11-30 Enviar la factura del contrato

examples/dia.md es un día de trabajo en español con la cartera de ejemplo.

Cada mañana:

    fu-due                  # ¿qué debo hoy?
    fu-due --within 7       # y esta semana
    fu-due --occasions      # cumpleaños y aniversarios (con consentimiento)
    fu-due --stale 90       # ¿con quién no hablo hace 90 días?
    fu-due --adrift         # ¿quién no tiene ningún siguiente paso?
    fu-due --at-risk        # ¿quién dio una señal de alerta sin atender?

Una lista de clientes de un teléfono, de un programa de correo o de una
hoja de cálculo entra entera, o no entra (los gemelos se omiten y se
nombran; el consentimiento nunca se toma de una libreta de direcciones):

    fu-add client --vcard contactos.vcf
    fu-add client --import clientes.csv --map 'Persona de contacto=name'

Los clientes mismos, dónde está cada uno y qué sigue con él, buscados
por parte del nombre o de la empresa, etiqueta, etapa, consentimiento o
quién los refirió; y como vCards 4.0 para una libreta de direcciones
(khard, un teléfono, un programa de correo):

    fu-clients lopez
    fu-clients --referred-by ana --consent
    fu-clients --vcard > clientes.vcf

Desde cron, enviar por correo los seguimientos del día solo si los hay:

    fu-due -q && fu-due | mail -s "Seguimientos" yo@example.com

El informe mensual de retención:

    fu-stats --month last
