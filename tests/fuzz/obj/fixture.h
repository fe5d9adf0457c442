#define FIXTURE_CLIENTS \
	"id,name,company,email,phone,since,birthday,anniversary,referred_by,consent,stage,tags,note\n" \
	"1,Ana López,Papelería López,ana@papelerialopez.es,+34 600 123 456,2024-03-12,1985-11-28,,,yes,customer,retail recurrente madrid,Prefiere llamadas por la mañana\n" \
	"2,José Peña,\"Muebles García, S.A.\",jpena@mueblesgarcia.es,+34 611 234 567,2024-06-03,,,,yes,customer,mayorista muebles,Pide la factura siempre a nombre de la empresa\n" \
	"3,María Fernández Ñúñez,Clínica Dental Sonrisa,maria.fernandez@clinicasonrisa.es,912 345 678,2025-01-20,1978-03-14,,,yes,negotiation,salud sala-de-espera,\"Decide con su socio, el Dr. Ruiz\"\n" \
	"4,Zoë Clarke,Clarke & Daughters Ltd,zoe@clarkedaughters.co.uk,+44 20 7946 0321,2024-09-09,,,,yes,customer,uk wholesale,\n" \
	"5,Tom O'Brien,Harbour Logistics,tom.obrien@harbourlogistics.ie,+353 1 555 0199,2024-11-18,,,,yes,customer,logistics fleet,Fleet of 12 vans\n" \
	"6,Lucía Gómez,Gómez Abogados,lucia@gomezabogados.es,600 987 654,2026-09-14,,,1,yes,customer,despacho referido,Referida por Ana López\n" \
	"7,Sarah Mitchell,Mitchell Design Studio,sarah@mitchelldesign.com,+1 415 555 0142,2025-05-07,,,,yes,customer,design studio,\"Prefers email; says \"\"never call before 10am\"\"\"\n" \
	"8,Javier Muñoz,Talleres Muñoz,javier@talleresmunoz.es,655 321 987,2025-02-11,,,,,customer,taller temporada,Solo compra en temporada alta\n" \
	"9,Emily Watson,Watson Bakery,emily@watsonbakery.co.uk,+44 161 496 0755,2026-10-01,,,7,yes,customer,bakery referred,\n" \
	"10,Raúl Ibáñez,Ferretería Ibáñez,raul@ferreteriaibanez.es,+34 622 456 789,2024-04-22,12-02,,,yes,customer,ferretería recurrente,\n" \
	"11,Daniel Hughes,Hughes Accounting,dan@hughesaccounting.com,+1 312 555 0187,2025-08-19,,2016-12-04,,yes,renewal,accounting software,Anniversary: founding of his firm\n" \
	"12,Sofía Castaño,Castaño Arquitectura,sofia@castanoarq.es,633 111 222,2026-11-16,1990-11-30,,,,prospect,arquitectura feria,Contacto de la feria Construmat; aún no ha dado su permiso\n" \
	"13,Peter Walsh,Walsh Electrical Supplies,peter@walshelectrical.com,+44 113 496 0888,2025-10-02,1979-12-06,,,yes,negotiation,electrical wholesale,\n" \
	""
#define FIXTURE_AGREEMENTS \
	"id,client,what,due,channel,every,made,from\n" \
	"1,10,Visita trimestral a la ferretería para revisar el surtido,2026-09-02,visit,90d,2026-06-04,\n" \
	"2,5,Call Tom to renew the maintenance contract for 12 vans,2026-08-18,call,,2026-07-15,\n" \
	"3,2,Enviar a José el catálogo de sillas de oficina de otoño,2026-08-05,email,,2026-07-20,\n" \
	"4,8,Llamar a Javier para tomar el pedido de temporada,2026-08-12,call,,2026-07-22,\n" \
	"5,1,Llamada mensual para revisar su stock de papel y tóner,2026-08-24,call,1m,2026-07-24,\n" \
	"6,13,Call Peter to present the LED panel range,2026-08-26,call,,2026-07-27,\n" \
	"7,3,Visitar la clínica para medir la sala de espera,2026-08-11,visit,,2026-07-28,\n" \
	"8,11,Email Daniel the demo recording of the payroll module,2026-08-20,email,,2026-07-29,\n" \
	"9,4,Send Zoë the price list for the autumn collection,2026-08-14,email,,2026-07-30,\n" \
	"10,7,Send Sarah the quote for 2 standing desks,2026-08-07,email,,2026-07-31,\n" \
	"11,2,Llamar a José para cerrar el pedido de 20 sillas de oficina,2026-08-12,call,,2026-08-05,1\n" \
	"12,7,Call Sarah to confirm the order of 2 standing desks,2026-08-13,call,,2026-08-07,2\n" \
	"13,3,Enviar a María el presupuesto del mobiliario de la sala de espera,2026-08-18,email,,2026-08-11,3\n" \
	"14,8,Enviar a Javier el catálogo 2027 con los precios de temporada,2026-11-15,email,,2026-08-12,4\n" \
	"15,2,Confirmar con José la fecha de entrega de las 20 sillas,2026-08-19,call,,2026-08-12,5\n" \
	"16,7,Email Sarah the tracking number of the desks,2026-08-18,email,,2026-08-13,6\n" \
	"17,4,Call Zoë to take the autumn order,2026-09-01,call,,2026-08-14,7\n" \
	"18,3,Llamar a María para resolver dudas del presupuesto,2026-08-25,call,,2026-08-18,8\n" \
	"19,5,Call Tom for his decision on the contract renewal,2026-08-20,call,,2026-08-18,9\n" \
	"20,7,Call Sarah to check the desks arrived in good condition,2026-08-25,call,,2026-08-18,10\n" \
	"21,2,Visitar a José para revisar la entrega de las sillas,2026-09-09,visit,,2026-08-19,11\n" \
	"22,11,Call Daniel to book a live demo of the payroll module,2026-08-27,call,,2026-08-20,13\n" \
	"23,1,Llamada mensual para revisar su stock de papel y tóner,2026-09-24,call,1m,2026-08-24,14\n" \
	"24,3,Visitar la clínica con muestras de tapicería,2026-09-03,visit,,2026-08-25,15\n" \
	"25,7,Call Sarah to offer the matching chairs from the new range,2026-10-14,call,,2026-08-25,16\n" \
	"26,13,Send Peter the quote for 40 LED panels,2026-09-02,email,,2026-08-26,17\n" \
	"27,11,Demo of the payroll module at Daniel's office,2026-09-10,visit,,2026-08-27,18\n" \
	"28,4,Email Zoë the delivery schedule for the autumn order,2026-09-08,email,,2026-09-01,19\n" \
	"29,13,Call Peter to go through the LED quote,2026-09-16,call,,2026-09-02,20\n" \
	"30,3,Llamar a María para confirmar si su socio aprueba el presupuesto,2026-10-15,call,,2026-09-03,21\n" \
	"31,10,Visita trimestral a la ferretería para revisar el surtido,2026-12-02,visit,90d,2026-09-03,22\n" \
	"32,4,Call Zoë to check the autumn order arrived complete,2026-09-22,call,,2026-09-08,23\n" \
	"33,2,Enviar a José la oferta de 3 mesas de reuniones,2026-09-23,email,,2026-09-09,24\n" \
	"34,11,Demo of the payroll module at Daniel's office,2026-09-24,visit,,2026-09-10,25\n" \
	"35,6,Llamar a Lucía para presentar el catálogo de mobiliario de oficina,2026-09-16,call,,2026-09-14,\n" \
	"36,1,Escribir a Ana una nota de agradecimiento por referir a Lucía,2026-09-16,note,,2026-09-14,26\n" \
	"37,6,Visitar el despacho de Lucía para ver el espacio,2026-09-23,visit,,2026-09-16,28\n" \
	"38,13,Call Peter for his decision on the 40 LED panels,2026-10-23,call,,2026-09-16,29\n" \
	"39,4,Call Zoë to confirm the replacement boxes arrived,2026-09-29,call,,2026-09-22,30\n" \
	"40,2,Llamar a José para conocer su decisión sobre las mesas,2026-10-07,call,,2026-09-23,31\n" \
	"41,6,Enviar a Lucía la cotización de 6 puestos de trabajo,2026-09-30,email,,2026-09-23,32\n" \
	"42,1,Llamada mensual para revisar su stock de papel y tóner,2026-10-24,call,1m,2026-09-24,33\n" \
	"43,11,Call Daniel to see if the partners approve the payroll module,2026-10-20,call,,2026-09-24,34\n" \
	"44,4,Call Zoë again about the replacement boxes,2026-10-06,call,,2026-09-29,35\n" \
	"45,6,Llamar a Lucía para resolver dudas de la cotización,2026-10-07,call,,2026-09-30,36\n" \
	"46,9,Call Emily to book a showroom visit,2026-10-08,call,,2026-10-01,\n" \
	"47,4,Visit Zoë to review the delivery problems,2026-10-13,visit,,2026-10-06,38\n" \
	"48,2,Entregar e instalar las 3 mesas de reuniones,2026-10-21,visit,,2026-10-07,39\n" \
	"49,6,Llamar a Lucía para cerrar el pedido de los 6 puestos,2026-10-14,call,,2026-10-07,40\n" \
	"50,9,Showroom visit with Emily to choose the counter stools,2026-10-12,visit,,2026-10-08,42\n" \
	"51,9,Send Emily the quote for 8 counter stools and 2 tables,2026-10-14,email,,2026-10-12,43\n" \
	"52,6,Entregar los 6 puestos de trabajo en el despacho,2026-10-28,visit,,2026-10-14,44\n" \
	"53,9,Call Emily to confirm the stools order,2026-10-19,call,,2026-10-14,46\n" \
	"54,3,Llamar a María para confirmar si su socio aprueba el presupuesto,2026-11-02,call,,2026-10-15,47\n" \
	"55,9,Deliver the stools and tables to Watson Bakery,2026-10-28,visit,,2026-10-19,48\n" \
	"56,11,Email Daniel the renewal offer for his 10 accounting licences,2026-11-18,email,,2026-10-20,49\n" \
	"57,2,Confirmar con José el pago de la factura F-2026-311,2026-11-16,email,,2026-10-21,50\n" \
	"58,13,Call Peter to confirm the order of 40 LED panels,2026-11-06,call,,2026-10-23,51\n" \
	"59,1,Llamada mensual para revisar su stock de papel y tóner,2026-11-24,call,1m,2026-10-24,52\n" \
	"60,5,Send Tom the revised maintenance contract for 12 vans,2026-10-30,email,,2026-10-27,53\n" \
	"61,6,Enviar a Lucía la cotización de 4 sillas de confidente,2026-11-23,email,,2026-10-28,54\n" \
	"62,9,Message Emily to check the stools after a month of use,2026-11-28,message,,2026-10-28,55\n" \
	"63,5,Visit Harbour Logistics to sign the maintenance contract,2026-11-26,visit,,2026-10-30,56\n" \
	"64,3,Llamar a María para confirmar si su socio aprueba el presupuesto,2026-11-23,call,,2026-11-02,57\n" \
	"65,12,Llamar a Sofía para presentar la línea de mobiliario de oficina,2026-11-18,call,,2026-11-16,\n" \
	"66,2,Llamar a José por el impago de la factura F-2026-311,2026-11-20,call,,2026-11-17,59\n" \
	"67,12,Visitar el estudio de Sofía para medir el espacio,2026-11-25,visit,,2026-11-18,60\n" \
	""
#define FIXTURE_LOG \
	"id,date,client,agreement,channel,outcome,amount,mood,next,note\n" \
	"1,2026-08-05,2,3,email,kept,,0,11,\n" \
	"2,2026-08-07,7,10,email,kept,,+,12,\n" \
	"3,2026-08-11,3,7,visit,kept,,+,13,\n" \
	"4,2026-08-12,8,4,call,kept,2340.00,0,14,Pedido de temporada alta; el catálogo 2027 sale en noviembre\n" \
	"5,2026-08-12,2,11,call,kept,3180.00,+,15,20 sillas ergonómicas\n" \
	"6,2026-08-13,7,12,call,kept,1460.00,+,16,\n" \
	"7,2026-08-14,4,9,email,kept,,0,17,\n" \
	"8,2026-08-18,3,13,email,kept,,0,18,\n" \
	"9,2026-08-18,5,2,call,broken,,-,19,\"Tom is comparing offers, no decision yet\"\n" \
	"10,2026-08-18,7,16,email,kept,,,20,\n" \
	"11,2026-08-19,2,15,call,kept,,0,21,\n" \
	"12,2026-08-20,5,,call,lost,,,,Moved to a cheaper provider\n" \
	"13,2026-08-20,11,8,email,kept,,0,22,\n" \
	"14,2026-08-24,1,5,call,kept,185.40,+,23,Pedido de papel A4 y tóner\n" \
	"15,2026-08-25,3,18,call,kept,,0,24,\n" \
	"16,2026-08-25,7,20,call,kept,,+,25,The new chair range arrives in October\n" \
	"17,2026-08-26,13,6,call,kept,,0,26,\n" \
	"18,2026-08-27,11,22,call,kept,,+,27,\n" \
	"19,2026-09-01,4,17,call,kept,2975.00,+,28,\n" \
	"20,2026-09-02,13,26,email,kept,,0,29,\n" \
	"21,2026-09-03,3,24,visit,kept,,+,30,El Dr. Ruiz revisa las compras una vez al mes\n" \
	"22,2026-09-03,10,1,visit,kept,640.50,+,31,Reposición de tornillería y pintura\n" \
	"23,2026-09-08,4,28,email,kept,,0,32,\n" \
	"24,2026-09-09,2,21,visit,kept,,+,33,Le interesan mesas de reuniones para la nueva oficina\n" \
	"25,2026-09-10,11,27,call,moved,,0,34,Daniel is ill; demo moved two weeks\n" \
	"26,2026-09-14,1,,message,referral,,,36,Refirió a Lucía Gómez (cliente 6)\n" \
	"27,2026-09-16,1,36,note,kept,,+,,Nota manuscrita enviada\n" \
	"28,2026-09-16,6,35,call,kept,,+,37,\n" \
	"29,2026-09-16,13,29,call,kept,,0,38,Decides after the budget meeting of 20 October\n" \
	"30,2026-09-22,4,32,call,kept,,-,39,\"Two boxes arrived damaged, replacement sent\"\n" \
	"31,2026-09-23,2,33,email,kept,,0,40,\n" \
	"32,2026-09-23,6,37,visit,kept,,+,41,\n" \
	"33,2026-09-24,1,23,call,kept,212.75,+,42,\n" \
	"34,2026-09-24,11,34,visit,kept,,+,43,\n" \
	"35,2026-09-29,4,39,call,broken,,-,44,No answer; left a voicemail\n" \
	"36,2026-09-30,6,41,email,kept,,0,45,\n" \
	"37,2026-10-01,7,,message,referral,,,,\"Referred Emily Watson (client 9), a client of her studio\"\n" \
	"38,2026-10-06,4,44,call,kept,,-,47,Replacement arrived late; she is unhappy\n" \
	"39,2026-10-07,2,40,call,kept,4250.00,+,48,\"3 mesas de reuniones, factura F-2026-311\"\n" \
	"40,2026-10-07,6,45,call,kept,,+,49,\n" \
	"41,2026-10-08,4,,call,lost,,,,Moved her orders to a competitor after the damaged delivery\n" \
	"42,2026-10-08,9,46,call,kept,,+,50,\n" \
	"43,2026-10-12,9,50,visit,kept,,+,51,\n" \
	"44,2026-10-14,6,49,call,kept,5400.00,+,52,Primera compra: 6 puestos de trabajo\n" \
	"45,2026-10-14,7,25,call,kept,780.00,+,,\"Bought 4 chairs. She said \"\"call me if anything\"\": no next step agreed\"\n" \
	"46,2026-10-14,9,51,email,kept,,0,53,\n" \
	"47,2026-10-15,3,30,call,moved,,0,54,Su socio aún no ha revisado el presupuesto\n" \
	"48,2026-10-19,9,53,call,kept,1890.00,+,55,\"First order: 8 stools, 2 tables\"\n" \
	"49,2026-10-20,11,43,call,dropped,,-,56,The partners postponed the payroll module to next year\n" \
	"50,2026-10-21,2,48,visit,kept,,+,57,\n" \
	"51,2026-10-23,13,38,call,broken,,0,58,\"Budget meeting postponed, no decision yet\"\n" \
	"52,2026-10-24,1,42,call,kept,198.20,0,59,\n" \
	"53,2026-10-27,5,,call,won,,,60,The new provider failed two deliveries; Tom wants to come back\n" \
	"54,2026-10-28,6,52,visit,kept,,+,61,Quiere la cotización después de su reunión del día 20\n" \
	"55,2026-10-28,9,55,visit,kept,,+,62,\n" \
	"56,2026-10-30,5,60,email,kept,,+,63,\n" \
	"57,2026-11-02,3,54,call,moved,,-,64,El Dr. Ruiz está de viaje hasta el día 20\n" \
	"58,2026-11-16,2,57,email,broken,,-,,No ha llegado el pago de la factura F-2026-311\n" \
	"59,2026-11-17,2,,email,signal,,,66,Impago de la factura F-2026-311 (4250.00)\n" \
	"60,2026-11-18,12,65,call,kept,,+,67,\n" \
	""
